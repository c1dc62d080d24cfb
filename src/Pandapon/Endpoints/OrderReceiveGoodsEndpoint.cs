using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Pandapon.Client;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Endpoints
{
    /// <summary>
    /// <c>POST /alibaba/order/receivegoods</c>: the buyer confirms receipt (docs/api-orders.md, "Confirm receipt"):
    /// body <c>{orderId, orderEntryIds[]}</c>, answer <c>data{success, errorInfo, errorCode}</c> (stated); a refusal is
    /// <c>success:false</c>, which the client reports as a business error with 1688's errorCode and errorInfo. A write:
    /// never retried.
    /// </summary>
    internal sealed class OrderReceiveGoodsEndpoint
    {
        public const string Method = "POST";
        public const string Path = "/alibaba/order/receivegoods";
        public const bool Idempotent = false;

        private OrderReceiveGoodsEndpoint(long orderId, IReadOnlyList<long> orderEntryIds)
        {
            OrderId = orderId;
            OrderEntryIds = orderEntryIds;
        }

        public long OrderId { get; }

        /// <summary>The lines confirmed; empty for the whole order.</summary>
        public IReadOnlyList<long> OrderEntryIds { get; }

        public static OrderReceiveGoodsEndpoint Check(string? orderId, IEnumerable<string?>? orderEntryIds, ParameterNames names)
            => new OrderReceiveGoodsEndpoint(InputCheck.NumericId(orderId, names["orderId"], "an order id"),
                InputCheck.NumericIds(orderEntryIds, names["orderEntryIds"], "an order entry id"));

        /// <summary>1688's refusals carry text codes (ORDER_STATUS_NOT_SUPPORT, ORDER_ENTRY_NOT_EXIST) in data, not numbers: no numeric hints.</summary>
        public static IReadOnlyDictionary<int, string> Hints(ParameterNames names) => EndpointHints.None;

        public ApiRequest Request() => new ApiRequest(Method, Path)
        {
            Body = JsonText.Write(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("orderId", OrderId);
                if (OrderEntryIds.Count > 0)
                {
                    w.WriteStartArray("orderEntryIds");
                    foreach (long id in OrderEntryIds) w.WriteNumberValue(id);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }),
            Idempotent = Idempotent,
        };

        /// <summary>The confirmation (a refusal never gets here: the client throws it).</summary>
        public OrderReceiptResult Read(ApiResponse response) => new OrderReceiptResult
        {
            OrderId = OrderId.ToString(CultureInfo.InvariantCulture),
            OrderEntryIds = new StringList(OrderEntryIds.Select(id => id.ToString(CultureInfo.InvariantCulture))),
            Success = true,
            RequestId = response.RequestId,
        };
    }
}
