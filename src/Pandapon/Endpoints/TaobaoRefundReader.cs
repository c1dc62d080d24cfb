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
    /// hold. Per field tolerant (<see cref="FieldReader"/>): an unreadable value is recorded under its path as sent
    /// (<c>refundOrderAggregate.refundOrder.refundFee</c> in a detail, <c>refundFee</c> in a flat row) and the rest is read.
    /// Only a record that is not an object at all is an error.
    /// </summary>
    internal static class TaobaoRefundReader
    {
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
                    throw new PandaponDataException("Taobao reverse order", requestedRefundId, "data", LenientJson.Describe(record), "expected a Taobao reverse order: a JSON object");
                var refund = new TaobaoRefund();
                ReadFields(refund, source, new FieldReader(refund.UnreadFields.Add, ShownValue.Short), "");
                CheckId(refund, requestedRefundId);
                return refund;
            });
        }

        /// <summary>The fields of <paramref name="source"/>, an object at <paramref name="prefix"/> ("" for the record, else ending in ".").</summary>
        private static void ReadFields(TaobaoRefund r, JsonElement source, FieldReader fields, string prefix)
        {
            fields.ReadEachField(source, prefix, (name, value) =>
            {
                switch (name)
                {
                    // The parts of the aggregate, and the objects inside logistics: looked into wherever they are.
                    case "refundOrderAggregate":
                    case "refundOrder":
                    case "purchaseOrderLine":
                    case "logistics":
                    case "receiverAddress":
                    case "logisticsCompany":
                        FieldReader.ReadObject(value, "expected a part of the reverse order: a JSON object", part => ReadFields(r, part, fields, prefix + name + "."));
                        break;

                    case "refundId":
                        string? id = LenientJson.ReadNumericId(value); // read even when an id is known, so a bad one is recorded
                        r.RefundId = r.RefundId ?? id;
                        break;
                    case "refundStatus":
                        r.StatusCode = LenientJson.ReadInt32(value);
                        r.Status = (TaobaoRefundStatus?)r.StatusCode;
                        break;
                    case "refundType": r.RefundType = (TaobaoRefundType?)LenientJson.ReadInt32(value); break;
                    case "goodsStatus": r.GoodsStatus = (TaobaoGoodsStatus?)LenientJson.ReadInt32(value); break;
                    case "refundFee": r.RefundFee = LenientJson.ReadFenAsYuan(value); break;
                    case "currency": r.Currency = r.Currency ?? LenientJson.ReadText(value); break;
                    case "reasonDesc": r.Reason = LenientJson.ReadText(value); break;
                    case "reasonId": r.ReasonId = LenientJson.ReadNumericId(value); break;
                    case "refundDesc": r.Description = LenientJson.ReadText(value); break;
                    case "sellerRefuseReason": r.SellerRefuseReason = LenientJson.ReadText(value); break;
                    case "sellerRefuseReasonDescribe": r.SellerRefuseReasonDescribe = LenientJson.ReadText(value); break;
                    case "timeoutDate": r.TimeoutAt = LenientJson.ReadTime(value); break;
                    case "timeoutType": r.TimeoutType = LenientJson.ReadText(value); break;
                    case "payOrderId": r.PayOrderId = LenientJson.ReadNumericId(value); break;
                    case "gmtCreate": r.CreateTime = LenientJson.ReadTime(value); break;
                    case "gmtModified": r.ModifiedTime = LenientJson.ReadTime(value); break;

                    case "purchaseOrderId": r.PurchaseOrderId = LenientJson.ReadNumericId(value); break;
                    case "purchaseOrderLineId": r.PurchaseOrderLineId = LenientJson.ReadNumericId(value); break;
                    case "salesOrderId": r.SalesOrderId = LenientJson.ReadNumericId(value); break;
                    case "supplierId": r.SupplierId = LenientJson.ReadNumericId(value); break;
                    case "itemTitle": r.ItemTitle = LenientJson.ReadText(value); break;
                    case "quantity": r.Quantity = LenientJson.ReadInt32(value); break;
                    case "price": r.Price = LenientJson.ReadFenAsYuan(value); break;
                    case "productFee": r.ProductFee = LenientJson.ReadFenAsYuan(value); break;
                    case "postFee": r.PostFee = LenientJson.ReadFenAsYuan(value); break;
                    case "totalPrice": r.TotalPrice = LenientJson.ReadFenAsYuan(value); break;
                    case "createTime": r.OrderCreateTime = LenientJson.ReadTime(value); break;

                    // Both spellings are in PandaPon's documents: the detail schema's and the cancel example's.
                    case "logisticsCompanyCode":
                    case "logisticCompanyCode": r.LogisticsCompanyCode = r.LogisticsCompanyCode ?? LenientJson.ReadText(value); break;
                    case "logisticsCompanyName": r.LogisticsCompanyName = LenientJson.ReadText(value); break;
                    case "logisticsNo": r.LogisticsNo = LenientJson.ReadText(value); break;
                    case "receiver": r.ReceiverName = LenientJson.ReadText(value); break;
                    case "phone": r.ReceiverPhone = LenientJson.ReadText(value); break;
                    case "detailAddress": r.ReceiverAddress = LenientJson.ReadText(value); break;
                    // Any other field is ignored: the API may add fields at any time.
                }
            });
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
            if (!reportedAlready) refund.UnreadFields.Add("refundId", FieldReader.Missing);
            refund.RequestedRefundId = requestedRefundId;
        }
    }
}
