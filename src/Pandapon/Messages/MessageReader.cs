using System;
using System.Collections.Generic;
using System.Text.Json;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Values;
using Pandapon.Models;

namespace Pandapon.Messages
{
    /// <summary>
    /// Turns an envelope into the model of its type (docs/api-messages.md, "Types"): order, refund and price-change
    /// messages get typed fields; every other type is a <see cref="Message"/> whose body the cmdlet layer converts.
    /// Each field is read on its own (<see cref="FieldReader"/>): an odd value is recorded, never fatal.
    /// Unknown body fields are ignored (they stay in <see cref="PandaponMessage.RawBody"/>).
    /// </summary>
    internal static class MessageReader
    {
        /// <summary>What a type's body holds.</summary>
        public enum Kind
        {
            Other,
            Order,
            Refund,
            PriceChange,
        }

        private static readonly Dictionary<string, Kind> KnownTypes = new Dictionary<string, Kind>(StringComparer.OrdinalIgnoreCase)
        {
            // stated (PandaPon and Xportcn pages)
            ["ORDER_CREATE"] = Kind.Order,
            ["ORDER_CANCEL"] = Kind.Order,
            ["ORDER_PAY_SUCCESS"] = Kind.Order,
            ["ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY"] = Kind.PriceChange,
            ["1688_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY"] = Kind.PriceChange,
            ["TAOBAO_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY"] = Kind.PriceChange,
            ["ORDER_BUYER_VIEW_ORDER_BUYER_REFUND"] = Kind.Refund,
            // upstream 1688 topics PandaPon is likely to relay
            ["ORDER_BUYER_VIEW_ORDER_PAY"] = Kind.Order,
            ["ORDER_BUYER_VIEW_ANNOUNCE_SENDGOODS"] = Kind.Order,
            ["ORDER_BUYER_VIEW_PART_PART_SENDGOODS"] = Kind.Order,
            ["ORDER_BUYER_VIEW_ORDER_COMFIRM_RECEIVEGOODS"] = Kind.Order,
            ["ORDER_BUYER_VIEW_ORDER_SUCCESS"] = Kind.Order,
            ["ORDER_BUYER_VIEW_ORDER_BUYER_CLOSE"] = Kind.Order,
            ["ORDER_BUYER_VIEW_ORDER_SELLER_CLOSE"] = Kind.Order,
            ["ORDER_BUYER_VIEW_ORDER_BOPS_CLOSE"] = Kind.Order,
            ["ORDER_BATCH_PAY"] = Kind.Order,
            ["ORDER_BUYER_VIEW_ORDER_BUYER_REFUND_IN_SALES"] = Kind.Refund,
            ["ORDER_BUYER_VIEW_ORDER_REFUND_AFTER_SALES"] = Kind.Refund,
            // inferred names of the Taobao callbacks whose pages show no body (see the docs)
            ["TAOBAO_ORDER_BUYER_VIEW_ORDER_STATUS_MODIFY"] = Kind.Order,
            ["TAOBAO_ORDER_BUYER_VIEW_ORDER_REFUND"] = Kind.Refund,
        };

        /// <summary>The kind of body a message type carries; <see cref="Kind.Other"/> for a type the module does not know.</summary>
        public static Kind KindOf(string messageType) => KnownTypes.TryGetValue(messageType, out var kind) ? kind : Kind.Other;

        /// <summary>The message types the module reads into typed models.</summary>
        public static IEnumerable<string> KnownMessageTypes => KnownTypes.Keys;

        public static PandaponMessage Read(MessageEnvelope envelope)
        {
            PandaponMessage message;
            switch (KindOf(envelope.MessageType))
            {
                case Kind.Order: message = ReadOrder(envelope.Body); break;
                case Kind.Refund: message = ReadRefund(envelope.Body); break;
                case Kind.PriceChange: message = ReadPriceChange(envelope.Body); break;
                default: message = new Message(); break;
            }
            message.MessageType = envelope.MessageType;
            message.Platform = envelope.Platform;
            message.SentAt = envelope.SentAt;
            message.MessageId = envelope.MessageId;
            message.RawBody = envelope.RawBody;
            if (envelope.UnreadTimestamp != null) message.UnreadFields.Add("timestamp", envelope.UnreadTimestamp);
            return message;
        }

        /// <summary>How much of an unreadable value a message's <see cref="PandaponMessage.UnreadFields"/> keeps.</summary>
        internal const int ShownLength = 80;

        private static FieldReader FieldsOf(PandaponMessage message) => new FieldReader(message.UnreadFields.Add, ShownLength);

        private static OrderMessage ReadOrder(JsonElement body)
        {
            var m = new OrderMessage();
            FieldsOf(m).ReadEachField(body, "", (field, value) =>
            {
                switch (field)
                {
                    case "orderId": m.OrderId = LenientJson.ReadIdentifier(value); break;
                    case "orderNo": m.OrderNo = LenientJson.ReadText(value); break;
                    case "orderStatus":
                    case "currentStatus": m.OrderStatus = m.OrderStatus ?? LenientJson.ReadText(value); break;
                    case "payStatus": m.PayStatus = LenientJson.ReadInt32(value); break;
                    case "totalAmount": m.TotalAmount = LenientJson.ReadFenAsYuan(value); break;
                    case "shippingFee": m.ShippingFee = LenientJson.ReadFenAsYuan(value); break;
                    case "productAmount": m.ProductAmount = LenientJson.ReadFenAsYuan(value); break;
                    case "refundAmount": m.RefundAmount = LenientJson.ReadFenAsYuan(value); break;
                    case "refundStatus": m.RefundStatus = LenientJson.ReadText(value); break;
                    case "closeReason": m.CloseReason = LenientJson.ReadText(value); break;
                    case "tbCreateTime": m.TbCreateTime = LenientJson.ReadTime(value); break;
                    case "payTime": m.PayTime = LenientJson.ReadTime(value); break;
                    case "msgSendTime": m.MsgSendTime = LenientJson.ReadTime(value); break;
                    case "buyerMemberId": m.BuyerMemberId = LenientJson.ReadIdentifier(value); break;
                    case "sellerMemberId": m.SellerMemberId = LenientJson.ReadIdentifier(value); break;
                }
            });
            return m;
        }

        private static RefundMessage ReadRefund(JsonElement body)
        {
            var m = new RefundMessage();
            FieldsOf(m).ReadEachField(body, "", (field, value) =>
            {
                switch (field)
                {
                    case "refundId": m.RefundId = LenientJson.ReadIdentifier(value); break;
                    case "orderId":
                    case "salesOrderId":
                        string? orderId = LenientJson.ReadIdentifier(value); // read even when one is known, so a bad one is recorded
                        m.OrderId = m.OrderId ?? orderId;
                        break;
                    case "currentStatus":
                    case "refundStatus": m.CurrentStatus = m.CurrentStatus ?? LenientJson.ReadText(value); break;
                    case "refundAction": m.RefundAction = LenientJson.ReadText(value); break;
                    case "operator": m.Operator = LenientJson.ReadText(value); break;
                    case "msgSendTime": m.MsgSendTime = LenientJson.ReadTime(value); break;
                    case "buyerMemberId": m.BuyerMemberId = LenientJson.ReadIdentifier(value); break;
                    case "sellerMemberId": m.SellerMemberId = LenientJson.ReadIdentifier(value); break;
                }
            });
            return m;
        }

        /// <summary>
        /// Three shapes: 1688's full buyer-view order (<c>baseInfo</c>, amounts already in yuan), Taobao's
        /// (<c>salesOrderId</c>, <c>subOrders</c>), and the flat order body of the other order messages (fen).
        /// </summary>
        private static PriceChangeMessage ReadPriceChange(JsonElement body)
        {
            var m = new PriceChangeMessage();
            FieldReader fields = FieldsOf(m);
            fields.ReadEachField(body, "", (field, value) =>
            {
                switch (field)
                {
                    case "baseInfo": ReadBaseInfo(value, m, fields); break;
                    case "productItems":
                    case "subOrders": m.LineCount = CountItems(value); break;
                    case "orderId":
                    case "salesOrderId":
                        string? orderId = LenientJson.ReadIdentifier(value); // read even when one is known, so a bad one is recorded
                        m.OrderId = m.OrderId ?? orderId;
                        break;
                    case "orderStatus": m.OrderStatus = m.OrderStatus ?? LenientJson.ReadText(value); break;
                    case "totalAmount": m.TotalAmount = LenientJson.ReadFenAsYuan(value); break;
                    case "shippingFee": m.ShippingFee = LenientJson.ReadFenAsYuan(value); break;
                    case "productAmount": m.ProductAmount = LenientJson.ReadFenAsYuan(value); break;
                }
            });
            return m;
        }

        /// <summary><c>baseInfo</c>: an object (null is nothing; anything else, text included, is recorded as unread).</summary>
        private static void ReadBaseInfo(JsonElement baseInfo, PriceChangeMessage m, FieldReader fields)
        {
            if (baseInfo.ValueKind == JsonValueKind.Null) return;
            if (baseInfo.ValueKind != JsonValueKind.Object) throw new FormatException("expected baseInfo: a JSON object");
            fields.ReadEachField(baseInfo, "baseInfo.", (field, value) =>
            {
                switch (field)
                {
                    case "id":
                    case "idOfStr":
                        string? orderId = LenientJson.ReadIdentifier(value); // read even when one is known, so a bad one is recorded
                        m.OrderId = m.OrderId ?? orderId;
                        break;
                    case "status": m.OrderStatus = LenientJson.ReadText(value); break;
                    case "totalAmount": m.TotalAmount = LenientJson.ReadDecimal(value); break;
                    case "shippingFee": m.ShippingFee = LenientJson.ReadDecimal(value); break;
                    case "sumProductPayment": m.ProductAmount = LenientJson.ReadDecimal(value); break;
                }
            });
        }

        private static int? CountItems(JsonElement value)
        {
            return LenientJson.ReadUnwrapped<int?>(value, source =>
            {
                if (source.ValueKind == JsonValueKind.Null) return null;
                if (source.ValueKind != JsonValueKind.Array) throw new FormatException("expected an array");
                return source.GetArrayLength();
            });
        }
    }
}
