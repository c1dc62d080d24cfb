using System.Globalization;
using System.Text.Json;
using Pandapon.Sandbox.Endpoints;
using Pandapon.Sandbox.Http;

namespace Pandapon.Sandbox.Taobao;

/// <summary>
/// <c>POST /open/order/refund/submit/message</c>: the buyer's message to the seller on a reverse order. Body: <c>refundId</c>,
/// <c>refundMessage</c> (1 to <see cref="MaxMessageLength"/> characters, not only spaces), <c>refundImages</c> (optional,
/// at most <see cref="MaxImages"/> http(s) URLs: a JSON array of strings, or one string with the URLs separated by commas,
/// since the documents type it as a string). Kept per reverse order, readable at /sandbox/taobao/refunds/{id}/messages;
/// the answer's data is <c>true</c>.
/// </summary>
public sealed class TaobaoRefundMessageEndpoint(TaobaoRefundStore store)
{
    public const string Path = "/open/order/refund/submit/message";
    public const string Method = "POST";
    public const int MaxMessageLength = 500;
    public const int MaxImages = 9;
    public const int MaxUrlLength = 1024;

    private static readonly byte[] True = "true"u8.ToArray();

    public ApiResult Handle(SignedRequest request)
    {
        TaobaoMessage message;
        try
        {
            using var json = JsonBody.Parse(request.Body);
            long refundId = TaobaoRequestValues.RequiredId(json.Text("refundId"), "refundId");
            string text = json.Text("refundMessage") ?? throw new BodyException("refundMessage is required");
            if (string.IsNullOrWhiteSpace(text)) throw new BodyException("refundMessage is empty");
            // Counted in UTF-16 units, as Java's String.length() counts.
            if (text.Length > MaxMessageLength)
                throw new BodyException($"refundMessage has {text.Length} characters; at most {MaxMessageLength}");
            message = new TaobaoMessage(refundId, text, Images(json), TaobaoRequestValues.NowMs());
        }
        catch (BodyException e)
        {
            return ApiError.InvalidRequest.With(e.Message);
        }
        if (!store.AddMessage(message))
            return ApiError.TaobaoRefundNotFound.With(message.RefundId.ToString(CultureInfo.InvariantCulture));
        return ApiResult.Ok(True);
    }

    private static List<string> Images(JsonBody json)
    {
        List<string> images;
        if (json.Root.TryGetProperty("refundImages", out JsonElement value) && value.ValueKind == JsonValueKind.String)
            images = [.. (value.GetString() ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        else
            images = json.Texts("refundImages");
        if (images.Count > MaxImages) throw new BodyException($"refundImages has {images.Count} URLs; at most {MaxImages}");
        for (int i = 0; i < images.Count; i++)
        {
            string url = images[i];
            if (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new BodyException($"refundImages[{i}] is not an http or https URL: '{Authenticator.Shorten(url)}'");
        }
        return images;
    }
}
