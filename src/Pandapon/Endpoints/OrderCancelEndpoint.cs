using System.Collections.Generic;
using System.Text.Json;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Values;

namespace Pandapon.Endpoints
{
    /// <summary>
    /// <c>POST /alibaba/order/cancel</c>: cancels an unpaid 1688 order (docs/api-orders.md, "Cancel"): body
    /// <c>webSite</c>, <c>orderId</c>, <c>cancelReason</c> (upstream's three values), <c>remark</c> (stated); the answer is
    /// <c>data: true</c> (stated). A write: never retried. 1688 cancels asynchronously: re-read the order.
    /// </summary>
    internal sealed class OrderCancelEndpoint
    {
        public const string Method = "POST";
        public const string Path = "/alibaba/order/cancel";
        public const bool Idempotent = false;

        /// <summary>The reasons upstream takes.</summary>
        public static readonly IReadOnlyList<string> Reasons = new[] { "buyerCancel", "sellerGoodsLack", "other" };

        private readonly ParameterNames _names;

        private OrderCancelEndpoint(long orderId, string reason, string? remark, ParameterNames names)
        {
            _names = names;
            OrderId = orderId;
            Reason = reason;
            Remark = remark;
        }

        public long OrderId { get; }
        public string Reason { get; }
        public string? Remark { get; }

        public static OrderCancelEndpoint Check(string? orderId, string? reason, string? remark, ParameterNames names)
        {
            long id = InputCheck.NumericId(orderId, names["orderId"], "an order id");
            string checkedReason = InputCheck.OneOf(reason, names["cancelReason"], Reasons, "the cancel reason");
            string? checkedRemark = string.IsNullOrEmpty(remark) ? null : InputCheck.Text(remark, names["remark"], 0, MaxRemarkLength);
            return new OrderCancelEndpoint(id, checkedReason, checkedRemark, names);
        }

        /// <summary>The longest remark sent (inferred: the sandbox's limit; PandaPon states none).</summary>
        public const int MaxRemarkLength = 500;

        /// <summary>6001: the order is not unpaid (the sandbox's code; PandaPon publishes none).</summary>
        public static IReadOnlyDictionary<int, string> Hints(ParameterNames names) => new Dictionary<int, string>
        {
            [6001] = $"Only an unpaid order (status waitbuyerpay) can be cancelled: read the order given to {names["orderId"]} with Get-PandaponOrder to see its status; a paid order needs a refund (New-PandaponRefund).",
        };

        public ApiRequest Request() => new ApiRequest(Method, Path)
        {
            Body = JsonText.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("webSite", OrderDetailEndpoint.WebSite);
                w.WriteNumber("orderId", OrderId);
                w.WriteString("cancelReason", Reason);
                if (Remark != null) w.WriteString("remark", Remark);
                w.WriteEndObject();
            }),
            Idempotent = Idempotent,
            UpstreamHints = Hints(_names),
        };

        /// <summary>True when the answer's <c>data</c> is <c>true</c> (also "true"); anything else is an error naming it.</summary>
        public bool Read(ApiResponse response)
        {
            bool? done = null;
            try
            {
                done = LenientJson.ReadBoolean(response.Data);
            }
            catch (System.FormatException)
            {
                // Reported below.
            }
            if (done == true) return true;
            throw PandaponApiException.InvalidField(Method + " " + Path, "data", "true (the order cancelled)", response.Data, response.RequestId, response.HttpStatus);
        }
    }
}
