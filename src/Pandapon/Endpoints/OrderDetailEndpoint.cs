using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Endpoints
{
    /// <summary>
    /// <c>POST /alibaba/order/detail</c>: one 1688 order by id, in the shape of 1688's buyer view (docs/api-orders.md,
    /// "The buyer view and its units"). <see cref="ReadOrder"/> also reads the rows of the order page. Per-field
    /// tolerant (<see cref="FieldReader"/>): a value it cannot read is left empty and named in
    /// <see cref="Order.UnreadFields"/>; only a <c>data</c> that is not an object is an error.
    /// </summary>
    internal sealed class OrderDetailEndpoint
    {
        public const string Method = "POST";
        public const string Path = "/alibaba/order/detail";

        /// <summary>A read: safe to send again after a failure.</summary>
        public const bool Idempotent = true;

        /// <summary>The site every 1688 call names (<c>webSite</c>).</summary>
        public const string WebSite = "1688";

        private OrderDetailEndpoint(long orderId)
        {
            OrderId = orderId;
        }

        public long OrderId { get; }

        /// <summary>The read of order <paramref name="orderId"/>: digits only (an Excel-mangled id gets the spreadsheet hint).</summary>
        public static OrderDetailEndpoint Check(string? orderId, ParameterNames names)
            => new OrderDetailEndpoint(InputCheck.NumericId(orderId, names["orderId"], "an order id"));

        /// <summary>No business codes of its own: an unknown order is the envelope's not-found.</summary>
        public static IReadOnlyDictionary<int, string> Hints(ParameterNames names) => EndpointHints.None;

        /// <summary><c>{"webSite":"1688","orderId":…}</c>, the id a JSON number written from its digits.</summary>
        public ApiRequest Request() => new ApiRequest(Method, Path)
        {
            Body = JsonText.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("webSite", WebSite);
                w.WriteNumber("orderId", OrderId);
                w.WriteEndObject();
            }),
            Idempotent = Idempotent,
        };

        /// <summary>The order in the answer's <c>data</c>; an id missing or other than the one asked for is named in <see cref="Order.UnreadFields"/>.</summary>
        public Order Read(ApiResponse response)
        {
            string requested = OrderId.ToString(CultureInfo.InvariantCulture);
            return LenientJson.ReadUnwrapped(response.Data, data => data.ValueKind == JsonValueKind.Object
                ? ReadOrder(data, requested)
                : throw PandaponApiException.InvalidField(Method + " " + Path, "data", "an order: a JSON object", response.Data, response.RequestId, response.HttpStatus));
        }

        /// <summary>
        /// An order from a buyer-view object (<c>baseInfo</c>, <c>productItems</c>, …); the fields of <c>baseInfo</c>
        /// are also taken at the top level, for a flat row. <paramref name="requestedOrderId"/> (by id only) is kept in
        /// <see cref="Order.RequestedOrderId"/>, and an answer whose id is missing or another is named in the unread fields.
        /// </summary>
        public static Order ReadOrder(JsonElement row, string? requestedOrderId)
        {
            var order = new Order { RequestedOrderId = requestedOrderId };
            var items = new List<OrderItem>();
            ReadOrderFields(row, order, items, new FieldReader(order.UnreadFields.Add, ShownValue.Short), "");
            foreach (OrderItem item in items) item.OrderId = order.OrderId ?? requestedOrderId;
            order.Items = new OrderItemList(items);
            order.RefundIds = new StringList(items.Select(item => item.RefundId).Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal)!);
            if (requestedOrderId != null && order.OrderId != requestedOrderId && !order.UnreadFields.Keys.Any(IsIdField))
                order.UnreadFields.Add("baseInfo.id", order.OrderId == null ? FieldReader.Missing : order.OrderId + " (asked for " + requestedOrderId + ")");
            return order;
        }

        private static bool IsIdField(string path) => path == "id" || path == "baseInfo.id" || path == "idOfStr" || path == "baseInfo.idOfStr";

        private static void ReadOrderFields(JsonElement source, Order order, List<OrderItem> items, FieldReader fields, string prefix)
        {
            fields.ReadEachField(source, prefix, (field, value) =>
            {
                switch (field)
                {
                    case "baseInfo":
                        FieldReader.ReadObject(value, "expected the order's baseInfo: a JSON object", info => ReadOrderFields(info, order, items, fields, prefix + "baseInfo."));
                        break;
                    case "productItems": ReadItems(value, order, items, fields); break;
                    case "id": order.OrderId = LenientJson.ReadNumericId(value) ?? order.OrderId; break;
                    case "idOfStr": order.OrderId = order.OrderId ?? LenientJson.ReadNumericId(value); break;
                    case "status": order.Status = LenientJson.ReadText(value); break;
                    case "totalAmount": order.TotalAmount = LenientJson.ReadDecimal(value); break;
                    case "sumProductPayment": order.ProductAmount = LenientJson.ReadDecimal(value); break;
                    case "shippingFee": order.ShippingFee = LenientJson.ReadDecimal(value); break;
                    case "discount": order.Discount = LenientJson.ReadFenAsYuan(value); break;
                    case "refundPayment": order.RefundPayment = LenientJson.ReadFenAsYuan(value); break;
                    case "createTime": order.CreateTime = LenientJson.ReadTime(value); break;
                    case "payTime": order.PayTime = LenientJson.ReadTime(value); break;
                    case "allDeliveredTime": order.DeliveredTime = LenientJson.ReadTime(value); break;
                    case "completeTime": order.CompleteTime = LenientJson.ReadTime(value); break;
                    case "sellerLoginId": order.SellerLoginId = LenientJson.ReadText(value); break;
                    case "buyerLoginId": order.BuyerLoginId = LenientJson.ReadText(value); break;
                    case "closeReason": order.CloseReason = LenientJson.ReadText(value); break;
                    case "receiverInfo":
                        FieldReader.ReadObject(value, "expected the receiver: a JSON object", receiver => ReadReceiver(receiver, order, fields, prefix + "receiverInfo."));
                        break;
                    // Any other field is ignored: the buyer view has many more, and the API may add fields at any time.
                }
            });
        }

        private static void ReadReceiver(JsonElement receiver, Order order, FieldReader fields, string prefix)
        {
            fields.ReadEachField(receiver, prefix, (field, value) =>
            {
                switch (field)
                {
                    case "toFullName": order.ReceiverName = LenientJson.ReadText(value); break;
                    case "toMobile": order.ReceiverPhone = LenientJson.ReadText(value) ?? order.ReceiverPhone; break;
                    case "toPhone": order.ReceiverPhone = order.ReceiverPhone ?? LenientJson.ReadText(value); break;
                    case "toArea": order.ReceiverAddress = LenientJson.ReadText(value); break;
                }
            });
        }

        /// <summary><c>productItems</c>: an array (or text holding one) of lines; a line's unread fields are named on the line and, with its index, on the order.</summary>
        private static void ReadItems(JsonElement value, Order order, List<OrderItem> items, FieldReader fields)
        {
            LenientJson.ReadUnwrapped(value, source =>
            {
                switch (source.ValueKind)
                {
                    case JsonValueKind.Null:
                    case JsonValueKind.Undefined:
                        return true;
                    case JsonValueKind.Array:
                        int index = 0;
                        foreach (JsonElement element in source.EnumerateArray())
                        {
                            string path = "productItems[" + index.ToString(CultureInfo.InvariantCulture) + "]";
                            if (element.ValueKind == JsonValueKind.Object)
                            {
                                OrderItem item = ReadItem(element);
                                foreach (var unread in item.UnreadFields) order.UnreadFields.Add(path + "." + unread.Key, unread.Value);
                                items.Add(item);
                            }
                            else if (element.ValueKind != JsonValueKind.Null)
                            {
                                fields.Record(path, element);
                            }
                            index++;
                        }
                        return true;
                    default:
                        throw new FormatException("expected the order's lines: a JSON array");
                }
            });
        }

        /// <summary>One line of <c>productItems</c>.</summary>
        public static OrderItem ReadItem(JsonElement element)
        {
            var item = new OrderItem();
            new FieldReader(item.UnreadFields.Add, ShownValue.Short).ReadEachField(element, "", (field, value) =>
            {
                switch (field)
                {
                    case "subItemID": item.OrderEntryId = LenientJson.ReadNumericId(value) ?? item.OrderEntryId; break;
                    case "subItemIDString": item.OrderEntryId = item.OrderEntryId ?? LenientJson.ReadNumericId(value); break;
                    case "productID": item.ProductId = LenientJson.ReadNumericId(value); break;
                    case "name": item.Name = LenientJson.ReadText(value); break;
                    case "skuInfos": item.SkuInfo = ReadSkuInfo(value); break;
                    case "quantity": item.Quantity = LenientJson.ReadDecimal(value); break;
                    case "unit": item.Unit = LenientJson.ReadText(value); break;
                    case "price": item.Price = LenientJson.ReadDecimal(value); break;
                    case "itemAmount": item.Amount = LenientJson.ReadDecimal(value); break;
                    case "status": item.Status = LenientJson.ReadText(value); break;
                    case "refundStatus": item.RefundStatus = LenientJson.ReadText(value); break;
                    case "refundId": item.RefundId = LenientJson.ReadIdentifier(value); break;
                }
            });
            return item;
        }

        /// <summary><c>skuInfos</c>: <c>[{name, value}]</c> (or text holding it) as <c>颜色: 红色; 尺码: L</c>; other text is kept as sent.</summary>
        private static string? ReadSkuInfo(JsonElement value)
        {
            return LenientJson.ReadUnwrapped(value, source =>
            {
                switch (source.ValueKind)
                {
                    case JsonValueKind.Null:
                    case JsonValueKind.Undefined:
                        return null;
                    case JsonValueKind.String:
                        string text = source.GetString()!.Trim();
                        return text.Length == 0 ? null : text;
                    case JsonValueKind.Array:
                        var parts = new List<string>();
                        foreach (JsonElement sku in source.EnumerateArray())
                        {
                            if (sku.ValueKind != JsonValueKind.Object) throw new FormatException("expected the variant: an array of {name, value}");
                            string? name = sku.TryGetProperty("name", out var n) ? LenientJson.ReadText(n) : null;
                            string? text2 = sku.TryGetProperty("value", out var v) ? LenientJson.ReadText(v) : null;
                            parts.Add(name == null ? text2 ?? "" : name + ": " + text2);
                        }
                        return parts.Count == 0 ? null : string.Join("; ", parts);
                    default:
                        throw new FormatException("expected the variant: an array of {name, value}");
                }
            });
        }
    }
}
