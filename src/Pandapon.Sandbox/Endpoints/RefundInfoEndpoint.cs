using System.Text.Json;
using Pandapon.Sandbox.Data;
using Pandapon.Sandbox.Http;

namespace Pandapon.Sandbox.Endpoints;

/// <summary>
/// <c>POST /alibaba/refund/info</c>: one 1688 after-sales record. The documents show <c>refundId</c> both in
/// the query string (older page) and in a JSON body; the query string wins when both are given.
/// </summary>
public sealed class RefundInfoEndpoint(RefundStore store)
{
    public const string Path = "/alibaba/refund/info";
    public const string Method = "POST";

    public ApiResult Handle(SignedRequest request)
    {
        string? refundId = request.Query["refundId"].FirstOrDefault(v => !string.IsNullOrEmpty(v));
        if (refundId is null && request.Body.Trim().Length > 0)
        {
            switch (ReadFromBody(request.Body, out refundId))
            {
                case BodyProblem.NotJson:
                    return ApiError.InvalidRequest.With("body is not JSON");
                case BodyProblem.NotObject:
                    return ApiError.InvalidRequest.With("body is not a JSON object");
                case BodyProblem.RefundIdNotText:
                    return ApiError.InvalidRequest.With("refundId must be a string");
            }
        }
        if (string.IsNullOrEmpty(refundId))
            return ApiError.InvalidRequest.With("refundId is required, in the query string or the JSON body {\"refundId\":\"TQ...\"}");
        if (!store.TryGetData(refundId, out byte[] data))
            return ApiError.RefundNotFound.With(Authenticator.Shorten(refundId));
        return ApiResult.Ok(data);
    }

    private enum BodyProblem { None, NotJson, NotObject, RefundIdNotText }

    // Like Jackson binding a String field: a number or a boolean is taken as its text, null as absent.
    private static BodyProblem ReadFromBody(string body, out string? refundId)
    {
        refundId = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return BodyProblem.NotObject;
            if (!document.RootElement.TryGetProperty("refundId", out var value)) return BodyProblem.None;
            switch (value.ValueKind)
            {
                case JsonValueKind.String: refundId = value.GetString(); return BodyProblem.None;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False: refundId = value.GetRawText(); return BodyProblem.None;
                case JsonValueKind.Null: return BodyProblem.None;
                default: return BodyProblem.RefundIdNotText;
            }
        }
        catch (JsonException)
        {
            return BodyProblem.NotJson;
        }
    }
}
