using System.Collections.Generic;
using System.Globalization;
using Pandapon.Client;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Endpoints
{
    /// <summary>
    /// <c>POST /open/order/refund/submit/message</c>: the buyer's message to the seller on a Taobao reverse order
    /// (docs/api-taobao-refunds.md §8). Body <c>refundId</c>, <c>refundMessage</c>, <c>refundImages</c>. Never retried.
    /// </summary>
    internal sealed class TaobaoRefundMessageEndpoint
    {
        public const string Method = "POST";
        public const string Path = "/open/order/refund/submit/message";

        /// <summary>Adds a message: sent twice, the seller reads it twice.</summary>
        public const bool Idempotent = false;

        /// <summary>Longest message, in UTF-16 units (the sandbox's documented limit; PandaPon states none).</summary>
        public const int MaxMessageLength = 500;

        /// <summary>Most images on one message (the sandbox's documented limit; PandaPon states none).</summary>
        public const int MaxImages = 9;

        private TaobaoRefundMessageEndpoint(long refundId, string message, IReadOnlyList<string> images)
        {
            RefundId = refundId.ToString(CultureInfo.InvariantCulture);
            Message = message;
            Images = images;
        }

        public string RefundId { get; }
        public string Message { get; }
        public IReadOnlyList<string> Images { get; }

        /// <summary>Checks every value, each named by <paramref name="names"/> (asked by the API field).</summary>
        public static TaobaoRefundMessageEndpoint Check(ParameterNames names, string? refundId, string? message, IEnumerable<string?>? imageUrls)
        {
            long id = InputCheck.TaobaoRefundId(refundId, names["refundId"], names.Optional(TaobaoRefundQueryEndpoint.AlibabaIdHint));
            string text = InputCheck.Text(message, names["refundMessage"], 1, MaxMessageLength);
            List<string> images = InputCheck.Urls(imageUrls, names["refundImages"], MaxImages, "an image is the absolute http or https URL of an uploaded picture");
            return new TaobaoRefundMessageEndpoint(id, text, images);
        }

        public static IReadOnlyDictionary<int, string> Hints(ParameterNames names) => EndpointHints.None;

        /// <summary>
        /// <c>{"refundId":n,"refundMessage":"…","refundImages":[…]}</c>: the id as a number (the documents' type), the images
        /// as an array of strings (the sandbox takes an array or a comma-separated string), left out when there are none.
        /// </summary>
        public string Body() => JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("refundId", long.Parse(RefundId, CultureInfo.InvariantCulture));
            w.WriteString("refundMessage", Message);
            JsonText.WriteStringArrayUnlessEmpty(w, "refundImages", Images);
            w.WriteEndObject();
        });

        public ApiRequest Request() => new ApiRequest(Method, Path) { Body = Body(), Idempotent = Idempotent, UpstreamHints = Hints(ParameterNames.ApiFields) };

        /// <summary>What was sent, once the API accepted it.</summary>
        public TaobaoRefundMessageResult Read(ApiResponse response) => new TaobaoRefundMessageResult
        {
            RefundId = RefundId,
            Message = Message,
            ImageUrl = new StringList(Images),
            RequestId = response.RequestId,
        };
    }
}
