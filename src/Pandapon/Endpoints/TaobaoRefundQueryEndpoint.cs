using System.Collections.Generic;
using System.Globalization;
using Pandapon.Client;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Endpoints
{
    /// <summary>
    /// <c>GET /v2/taobao/order/refund/query?refundId=</c>: one Taobao reverse order by id (docs/api-taobao-refunds.md §5),
    /// read by <see cref="TaobaoRefundReader"/>.
    /// </summary>
    internal sealed class TaobaoRefundQueryEndpoint
    {
        public const string Method = "GET";
        public const string Path = "/v2/taobao/order/refund/query";

        /// <summary>A read: safe to send again after a failure.</summary>
        public const bool Idempotent = true;

        /// <summary>The key under which a caller's <see cref="ParameterNames"/> say what to do with a 1688 refund id ("TQ…").</summary>
        public const string AlibabaIdHint = "1688-refund-id";

        private TaobaoRefundQueryEndpoint(long refundId)
        {
            RefundId = refundId.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>The reverse order's id, canonical digits.</summary>
        public string RefundId { get; }

        /// <summary>The read of <paramref name="refundId"/>, checked by <see cref="InputCheck.TaobaoRefundId"/>.</summary>
        public static TaobaoRefundQueryEndpoint Check(string? refundId, ParameterNames names)
            => new TaobaoRefundQueryEndpoint(InputCheck.TaobaoRefundId(refundId, names["refundId"], names.Optional(AlibabaIdHint)));

        /// <summary>No business codes of its own: an unknown reverse order is an envelope error (NotFound).</summary>
        public static IReadOnlyDictionary<int, string> Hints(ParameterNames names) => EndpointHints.None;

        public ApiRequest Request()
        {
            ApiRequest request = ApiRequest.Get(Path, new KeyValuePair<string, string>("refundId", RefundId));
            request.Idempotent = Idempotent;
            return request;
        }

        /// <summary>The reverse order in the answer's <c>data</c>.</summary>
        public TaobaoRefund Read(ApiResponse response) => TaobaoRefundReader.Read(response.Data, RefundId);
    }
}
