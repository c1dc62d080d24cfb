using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Endpoints
{
    /// <summary>
    /// <c>GET /alibaba/order/pay/url?orderId=…</c>: the cashier link of an unpaid order (docs/api-orders.md, "Pay URL"):
    /// <c>data{orderId, protocolPaySuccess, payUrl, cantPayOrderList[]}</c> (stated), read per field.
    /// </summary>
    internal sealed class OrderPayUrlEndpoint
    {
        public const string Method = "GET";
        public const string Path = "/alibaba/order/pay/url";
        public const bool Idempotent = true;

        private OrderPayUrlEndpoint(long orderId)
        {
            OrderId = orderId;
        }

        public long OrderId { get; }

        public static OrderPayUrlEndpoint Check(string? orderId, ParameterNames names)
            => new OrderPayUrlEndpoint(InputCheck.NumericId(orderId, names["orderId"], "an order id"));

        public static IReadOnlyDictionary<int, string> Hints(ParameterNames names) => EndpointHints.None;

        public ApiRequest Request()
        {
            ApiRequest request = ApiRequest.Get(Path, new KeyValuePair<string, string>("orderId", OrderId.ToString(CultureInfo.InvariantCulture)));
            request.Idempotent = Idempotent;
            return request;
        }

        public OrderPaymentUrl Read(ApiResponse response)
        {
            string requested = OrderId.ToString(CultureInfo.InvariantCulture);
            return LenientJson.ReadUnwrapped(response.Data, data =>
            {
                if (data.ValueKind != JsonValueKind.Object)
                    throw PandaponApiException.InvalidField(Method + " " + Path, "data", "the payment link: a JSON object", response.Data, response.RequestId, response.HttpStatus);
                var result = new OrderPaymentUrl();
                new FieldReader(result.UnreadFields.Add, ShownValue.Short).ReadEachField(data, "", (field, value) =>
                {
                    switch (field)
                    {
                        case "orderId": result.OrderId = LenientJson.ReadNumericId(value); break;
                        case "payUrl": result.PayUrl = LenientJson.ReadText(value); break;
                        case "protocolPaySuccess": result.ProtocolPaySuccess = LenientJson.ReadBoolean(value); break;
                        case "cantPayOrderList": result.CantPayOrderIds = new StringList(LenientJson.ReadStringList(value, identifiers: true)); break;
                    }
                });
                result.OrderId = result.OrderId ?? requested;
                return result;
            });
        }
    }
}
