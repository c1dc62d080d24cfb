using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Pandapon.Client;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Endpoints
{
    /// <summary>
    /// <c>GET /open/order/refund/cancel/{refundId}</c>: the buyer withdraws a Taobao reverse order
    /// (docs/api-taobao-refunds.md §7). A GET that changes state: never retried. The answer is a success envelope
    /// either way; <c>data.cancelSuccess</c> says whether it was withdrawn, and <c>data</c> holds the reverse order.
    /// </summary>
    internal sealed class TaobaoRefundCancelEndpoint
    {
        public const string Method = "GET";
        public const string PathPrefix = "/open/order/refund/cancel/";

        /// <summary>The path as documented, for the completer and messages; the request puts the id in place of the braces.</summary>
        public const string Path = PathPrefix + "{refundId}";

        /// <summary>Changes the reverse order: never sent twice by itself.</summary>
        public const bool Idempotent = false;

        private TaobaoRefundCancelEndpoint(long refundId)
        {
            RefundId = refundId.ToString(CultureInfo.InvariantCulture);
        }

        public string RefundId { get; }

        public static TaobaoRefundCancelEndpoint Check(string? refundId, ParameterNames names)
            => new TaobaoRefundCancelEndpoint(InputCheck.TaobaoRefundId(refundId, names["refundId"], names.Optional(TaobaoRefundQueryEndpoint.AlibabaIdHint)));

        /// <summary>No business codes of its own are known; a refused withdrawal is <c>cancelSuccess</c> false.</summary>
        public static IReadOnlyDictionary<int, string> Hints(ParameterNames names) => EndpointHints.None;

        public ApiRequest Request() => new ApiRequest(Method, PathPrefix + RefundId) { Idempotent = Idempotent, UpstreamHints = Hints(ParameterNames.ApiFields) };

        /// <summary>
        /// Whether it was withdrawn, why not (the sandbox's <c>cancelFailReason</c>; PandaPon states no reason field), and the
        /// reverse order as the answer shows it. <c>cancelSuccess</c> missing or unreadable counts as not withdrawn: the
        /// caller then reports it rather than claims a withdrawal nobody confirmed.
        /// </summary>
        public TaobaoRefundCancelResult Read(ApiResponse response)
        {
            TaobaoRefund refund = TaobaoRefundReader.Read(response.Data, RefundId);
            bool? success = null;
            string? reason = null;
            JsonElement data = response.Data;
            if (data.ValueKind == JsonValueKind.Object)
            {
                new FieldReader(refund.UnreadFields.Add, ShownValue.Short).ReadEachField(data, "", (field, value) =>
                {
                    switch (field)
                    {
                        case "cancelSuccess": success = LenientJson.ReadBoolean(value); break;
                        case "cancelFailReason": reason = LenientJson.ReadText(value); break;
                    }
                });
            }
            return new TaobaoRefundCancelResult(RefundId, success == true, success.HasValue, reason, refund, response.RequestId);
        }
    }
}
