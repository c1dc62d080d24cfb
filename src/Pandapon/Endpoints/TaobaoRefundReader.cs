using System;
using System.Text.Json;
using Pandapon.Api;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Endpoints
{
    /// <summary>
    /// Reads a <see cref="TaobaoRefund"/> from any of the shapes PandaPon sends a reverse order in
    /// (docs/api-taobao-refunds.md §5-§7): the detail's and the cancel answer's <c>data</c>
    /// (<c>{currency, refundOrderAggregate{logistics, refundOrder, purchaseOrderLine}}</c>), a list row holding the
    /// aggregate's parts (nested), or a list row with their fields at its top level (flat). The field names do not
    /// collide across the parts, so one switch reads them wherever they sit; the parts are looked into whatever they
    /// hold. Per field tolerant (<see cref="TolerantFields"/>): an unreadable value is recorded under its path as sent
    /// (<c>refundOrderAggregate.refundOrder.refundFee</c> in a detail, <c>refundFee</c> in a flat row) and the rest is read.
    /// Only a record that is not an object at all is an error.
    /// </summary>
    internal static class TaobaoRefundReader
    {
        /// <summary>The marker recorded for an id field that is missing or empty.</summary>
        public const string MissingValue = "(missing)";

        /// <summary>
        /// Reads one reverse order from <paramref name="record"/> (an object, or text holding one).
        /// <paramref name="requestedRefundId"/> is the id it was asked by (null for a list row): an answer whose id is
        /// missing or another one keeps it in <see cref="TaobaoRefund.RequestedRefundId"/> and records <c>refundId</c> as unread.
        /// </summary>
        public static TaobaoRefund Read(JsonElement record, string? requestedRefundId = null)
        {
            return LenientJson.ReadUnwrapped(record, source =>
            {
                if (source.ValueKind != JsonValueKind.Object)
                    throw new PandaponDataException(requestedRefundId, "data", LenientJson.Describe(record), "expected a Taobao reverse order: a JSON object");
                var refund = new TaobaoRefund();
                TolerantFields.EachField(refund.UnreadFields, "", source, (path, name, value) => ReadField(refund, path, name, value));
                CheckId(refund, requestedRefundId);
                return refund;
            });
        }

        private static void ReadField(TaobaoRefund r, string path, string name, JsonElement value)
        {
            UnreadFields unread = r.UnreadFields;
            switch (name)
            {
                // The parts of the aggregate, and the objects inside logistics: looked into wherever they are.
                case "refundOrderAggregate":
                case "refundOrder":
                case "purchaseOrderLine":
                case "logistics":
                case "receiverAddress":
                case "logisticsCompany":
                    TolerantFields.EachField(unread, path, value, (p, n, v) => ReadField(r, p, n, v));
                    break;

                case "refundId": TolerantFields.Read(unread, path, value, ReadNumericId, id => r.RefundId = r.RefundId ?? id); break;
                case "refundStatus":
                    TolerantFields.Read(unread, path, value, LenientJson.ReadInt32, code =>
                    {
                        r.StatusCode = code;
                        r.Status = (TaobaoRefundStatus?)code;
                    });
                    break;
                case "refundType": TolerantFields.Read(unread, path, value, LenientJson.ReadInt32, code => r.RefundType = (TaobaoRefundType?)code); break;
                case "goodsStatus": TolerantFields.Read(unread, path, value, LenientJson.ReadInt32, code => r.GoodsStatus = (TaobaoGoodsStatus?)code); break;
                case "refundFee": TolerantFields.Read(unread, path, value, LenientJson.ReadFenAsYuan, yuan => r.RefundFee = yuan); break;
                case "currency": TolerantFields.Read(unread, path, value, LenientJson.ReadText, text => r.Currency = r.Currency ?? text); break;
                case "reasonDesc": TolerantFields.Read(unread, path, value, LenientJson.ReadText, text => r.Reason = text); break;
                case "reasonId": TolerantFields.Read(unread, path, value, ReadNumericId, id => r.ReasonId = id); break;
                case "refundDesc": TolerantFields.Read(unread, path, value, LenientJson.ReadText, text => r.Description = text); break;
                case "sellerRefuseReason": TolerantFields.Read(unread, path, value, LenientJson.ReadText, text => r.SellerRefuseReason = text); break;
                case "sellerRefuseReasonDescribe": TolerantFields.Read(unread, path, value, LenientJson.ReadText, text => r.SellerRefuseReasonDescribe = text); break;
                case "timeoutDate": TolerantFields.Read(unread, path, value, LenientJson.ReadTime, time => r.TimeoutAt = time); break;
                case "timeoutType": TolerantFields.Read(unread, path, value, LenientJson.ReadText, text => r.TimeoutType = text); break;
                case "payOrderId": TolerantFields.Read(unread, path, value, ReadNumericId, id => r.PayOrderId = id); break;
                case "gmtCreate": TolerantFields.Read(unread, path, value, LenientJson.ReadTime, time => r.CreateTime = time); break;
                case "gmtModified": TolerantFields.Read(unread, path, value, LenientJson.ReadTime, time => r.ModifiedTime = time); break;

                case "purchaseOrderId": TolerantFields.Read(unread, path, value, ReadNumericId, id => r.PurchaseOrderId = id); break;
                case "purchaseOrderLineId": TolerantFields.Read(unread, path, value, ReadNumericId, id => r.PurchaseOrderLineId = id); break;
                case "salesOrderId": TolerantFields.Read(unread, path, value, ReadNumericId, id => r.SalesOrderId = id); break;
                case "supplierId": TolerantFields.Read(unread, path, value, ReadNumericId, id => r.SupplierId = id); break;
                case "itemTitle": TolerantFields.Read(unread, path, value, LenientJson.ReadText, text => r.ItemTitle = text); break;
                case "quantity": TolerantFields.Read(unread, path, value, LenientJson.ReadInt32, count => r.Quantity = count); break;
                case "price": TolerantFields.Read(unread, path, value, LenientJson.ReadFenAsYuan, yuan => r.Price = yuan); break;
                case "productFee": TolerantFields.Read(unread, path, value, LenientJson.ReadFenAsYuan, yuan => r.ProductFee = yuan); break;
                case "postFee": TolerantFields.Read(unread, path, value, LenientJson.ReadFenAsYuan, yuan => r.PostFee = yuan); break;
                case "totalPrice": TolerantFields.Read(unread, path, value, LenientJson.ReadFenAsYuan, yuan => r.TotalPrice = yuan); break;
                case "createTime": TolerantFields.Read(unread, path, value, LenientJson.ReadTime, time => r.OrderCreateTime = time); break;

                // Both spellings are in PandaPon's documents: the detail schema's and the cancel example's.
                case "logisticsCompanyCode":
                case "logisticCompanyCode": TolerantFields.Read(unread, path, value, LenientJson.ReadText, text => r.LogisticsCompanyCode = r.LogisticsCompanyCode ?? text); break;
                case "logisticsCompanyName": TolerantFields.Read(unread, path, value, LenientJson.ReadText, text => r.LogisticsCompanyName = text); break;
                case "logisticsNo": TolerantFields.Read(unread, path, value, LenientJson.ReadText, text => r.LogisticsNo = text); break;
                case "receiver": TolerantFields.Read(unread, path, value, LenientJson.ReadText, text => r.ReceiverName = text); break;
                case "phone": TolerantFields.Read(unread, path, value, LenientJson.ReadText, text => r.ReceiverPhone = text); break;
                case "detailAddress": TolerantFields.Read(unread, path, value, LenientJson.ReadText, text => r.ReceiverAddress = text); break;
                // Any other field is ignored: the API may add fields at any time.
            }
        }

        /// <summary>
        /// A Taobao id (docs/api-taobao-refunds.md §2: numbers, sometimes strings of digits), kept as its digits; text that
        /// is not digits (a placeholder such as "string") cannot be an id and is unreadable.
        /// </summary>
        private static string? ReadNumericId(JsonElement value)
        {
            string? id = LenientJson.ReadIdentifier(value);
            if (id == null) return null;
            foreach (char c in id)
                if (c < '0' || c > '9') throw new FormatException("expected a Taobao id: digits only");
            return id;
        }

        /// <summary>
        /// A record must name itself: a missing id, or one other than the id asked for, is recorded as unread, and the id
        /// asked for is kept beside it so the record can still be told apart.
        /// </summary>
        private static void CheckId(TaobaoRefund refund, string? requestedRefundId)
        {
            if (refund.RefundId != null && requestedRefundId != null && refund.RefundId != requestedRefundId)
            {
                refund.UnreadFields.Add("refundId", refund.RefundId);
                refund.RefundId = null;
            }
            if (refund.RefundId != null) return;
            bool reportedAlready = false;
            foreach (string path in refund.UnreadFields.Keys) reportedAlready |= path == "refundId" || path.EndsWith(".refundId", StringComparison.Ordinal);
            if (!reportedAlready) refund.UnreadFields.Add("refundId", MissingValue);
            refund.RequestedRefundId = requestedRefundId;
        }
    }
}
