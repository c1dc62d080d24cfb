using System;
using System.Collections.Generic;
using System.Text.Json;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Endpoints
{
    /// <summary>
    /// <c>POST /alibaba/refund/info</c>: one refund by id (docs/api.md, "Refund info"). The shape every endpoint has
    /// (docs/internals.md, "Adding an endpoint cmdlet"): <see cref="Method"/>, <see cref="Path"/>,
    /// <see cref="Idempotent"/>, <see cref="Hints"/>; <see cref="Check"/> makes the request's values from the user's
    /// (or refuses them, naming them as the caller's <see cref="ParameterNames"/> say); <see cref="Request"/> and
    /// <see cref="Read"/>. Reading is one pass over the JSON properties, one switch on the name: no reflection and
    /// no re-serialisation, for batches of thousands. Liberal in what it reads (see <see cref="LenientJson"/>);
    /// unknown fields are ignored; a value that cannot be read leaves its property empty and is recorded in
    /// <see cref="Refund.UnreadFields"/>; only a <c>data</c> that is not an object is a <see cref="PandaponDataException"/>.
    /// </summary>
    internal sealed class RefundInfoEndpoint
    {
        public const string Method = "POST";
        public const string Path = "/alibaba/refund/info";

        /// <summary>A read: safe to send again after a failure.</summary>
        public const bool Idempotent = true;

        private RefundInfoEndpoint(string refundId)
        {
            RefundId = refundId;
        }

        /// <summary>The refund id as it is sent ("TQ" and digits).</summary>
        public string RefundId { get; }

        /// <summary>
        /// The read of refund <paramref name="refundId"/>, checked by <see cref="InputCheck.RefundId"/>; a Taobao id (digits
        /// only) is refused with the text <paramref name="names"/> gives under <see cref="TaobaoIdHint"/>.
        /// </summary>
        public static RefundInfoEndpoint Check(string? refundId, ParameterNames names)
            => new RefundInfoEndpoint(InputCheck.RefundId(refundId, names["refundId"], names.Optional(TaobaoIdHint)));

        /// <summary>The key under which a caller's <see cref="ParameterNames"/> say what to do with a Taobao reverse-order id.</summary>
        public const string TaobaoIdHint = "taobao-refund-id";

        /// <summary>No business codes of its own: a refund that does not exist is the envelope's 40401.</summary>
        public static IReadOnlyDictionary<int, string> Hints(ParameterNames names) => EndpointHints.None;

        /// <summary><c>{"refundId"}</c>.</summary>
        public ApiRequest Request() => new ApiRequest(Method, Path)
        {
            Body = JsonText.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("refundId", RefundId);
                w.WriteEndObject();
            }),
            Idempotent = Idempotent,
        };

        /// <summary>The refund in the answer's <c>data</c>.</summary>
        public Refund Read(ApiResponse response) => ReadData(response.Data, RefundId);

        /// <summary>
        /// Reads a refund from <paramref name="data"/>: a JSON object, or a string holding one; anything else (null
        /// included) is a <see cref="PandaponDataException"/>. Inside the object every field is read on its own: a
        /// value that cannot be read leaves its property empty and is recorded in <see cref="Refund.UnreadFields"/>
        /// (docs/internals.md, "Reading data"). <paramref name="requestedRefundId"/> becomes
        /// <see cref="Refund.RequestedRefundId"/>; a <c>refundId</c> missing, empty or different from it is recorded too.
        /// </summary>
        public static Refund ReadData(JsonElement data, string? requestedRefundId = null)
        {
            return LenientJson.ReadUnwrapped(data, source => source.ValueKind == JsonValueKind.Object
                ? ReadRefund(source, requestedRefundId)
                : throw new PandaponDataException("refund", requestedRefundId, "data", LenientJson.Describe(data), "expected a refund: a JSON object"));
        }

        /// <summary>
        /// Reads one item of <c>refundOperationList</c>; a field it cannot read is recorded under
        /// <paramref name="path"/> (such as <c>refundOperationList[1].gmtCreate</c>).
        /// </summary>
        private static RefundOperation ReadOperation(JsonElement operation, FieldReader fields, string path)
        {
            var result = new RefundOperation();
            fields.ReadEachField(operation, path + ".", (field, value) =>
            {
                switch (field)
                {
                    case "beforeOperateStatus": result.BeforeOperateStatus = LenientJson.ReadText(value); break;
                    case "afterOperateStatus": result.AfterOperateStatus = LenientJson.ReadText(value); break;
                    case "gmtCreate": result.GmtCreate = LenientJson.ReadTime(value); break;
                    case "operateTypeInt": result.OperateTypeInt = LenientJson.ReadInt32(value); break;
                    case "operateRemark": result.OperateRemark = LenientJson.ReadText(value); break;
                    case "discription":
                    case "description": result.Discription = LenientJson.ReadText(value); break;
                    case "operatorRoleId": result.OperatorRoleId = LenientJson.ReadInt32(value); break;
                    case "operatorLoginId": result.OperatorLoginId = LenientJson.ReadIdentifier(value); break;
                    case "operatorUserId": result.OperatorUserId = LenientJson.ReadIdentifier(value); break;
                    case "freightBill": result.FreightBill = LenientJson.ReadText(value); break;
                    case "logisticsCompany": ReadLogisticsCompany(value, result); break;
                    case "refundAddress": result.RefundAddress = LenientJson.ReadText(value); break;
                    case "rejectReason": result.RejectReason = LenientJson.ReadText(value); break;
                    case "msgType": result.MsgType = LenientJson.ReadInt32(value); break;
                    case "messageStatus": result.MessageStatus = LenientJson.ReadInt32(value); break;
                    case "vouchers": result.Vouchers = new StringList(LenientJson.ReadStringList(value, identifiers: false)); break;
                }
            });
            return result;
        }

        private static Refund ReadRefund(JsonElement data, string? requestedRefundId)
        {
            var refund = new Refund { RequestedRefundId = requestedRefundId };
            var fields = new FieldReader(refund.UnreadFields.Add, ShownValue.Long);
            fields.ReadEachField(data, "", (field, value) =>
            {
                switch (field)
                {
                    case "refundId": refund.RefundId = LenientJson.ReadIdentifier(value); break;
                    case "orderId": refund.OrderId = LenientJson.ReadIdentifier(value); break;
                    case "status": refund.Status = LenientJson.ReadText(value); break;
                    case "productName": refund.ProductName = LenientJson.ReadText(value); break;

                    case "applyPayment": refund.ApplyPayment = LenientJson.ReadFenAsYuan(value); break;
                    case "applyCarriage": refund.ApplyCarriage = LenientJson.ReadFenAsYuan(value); break;
                    case "applyExpect": refund.ApplyExpect = LenientJson.ReadFenAsYuan(value); break;
                    case "refundPayment": refund.RefundPayment = LenientJson.ReadFenAsYuan(value); break;
                    case "refundCarriage": refund.RefundCarriage = LenientJson.ReadFenAsYuan(value); break;
                    case "canRefundPayment": refund.CanRefundPayment = LenientJson.ReadFenAsYuan(value); break;
                    case "frozenFund": refund.FrozenFund = LenientJson.ReadFenAsYuan(value); break;
                    case "prepaidBalance": refund.PrepaidBalance = LenientJson.ReadFenAsYuan(value); break;

                    case "gmtApply": refund.GmtApply = LenientJson.ReadTime(value); break;
                    case "gmtCreate": refund.GmtCreate = LenientJson.ReadTime(value); break;
                    case "gmtModified": refund.GmtModified = LenientJson.ReadTime(value); break;
                    case "gmtCompleted": refund.GmtCompleted = LenientJson.ReadTime(value); break;
                    case "gmtFreezed": refund.GmtFreezed = LenientJson.ReadTime(value); break;
                    case "gmtTimeOut": refund.GmtTimeOut = LenientJson.ReadTime(value); break;

                    case "applyReason": refund.ApplyReason = LenientJson.ReadText(value); break;
                    case "applyReasonId": refund.ApplyReasonId = LenientJson.ReadIdentifier(value); break;
                    case "applySubReason": refund.ApplySubReason = LenientJson.ReadText(value); break;
                    case "applySubReasonId": refund.ApplySubReasonId = LenientJson.ReadIdentifier(value); break;
                    case "rejectReason": refund.RejectReason = LenientJson.ReadText(value); break;
                    case "rejectReasonId": refund.RejectReasonId = LenientJson.ReadIdentifier(value); break;
                    case "rejectTimes": refund.RejectTimes = LenientJson.ReadInt32(value); break;

                    case "disputeType": refund.DisputeTypeCode = LenientJson.ReadInt32(value); break;
                    case "disputeRequest": refund.DisputeRequestCode = LenientJson.ReadInt32(value); break;
                    case "goodsStatus": refund.GoodsStatusCode = LenientJson.ReadInt32(value); break;
                    case "onlyRefund": refund.OnlyRefund = LenientJson.ReadBoolean(value); break;
                    case "refundGoods": refund.RefundGoods = LenientJson.ReadBoolean(value); break;
                    case "goodsReceived": refund.GoodsReceived = LenientJson.ReadBoolean(value); break;
                    case "buyerSendGoods": refund.BuyerSendGoods = LenientJson.ReadBoolean(value); break;
                    case "buyerLogisticsName": refund.BuyerLogisticsName = LenientJson.ReadText(value); break;
                    case "freightBill": refund.FreightBill = LenientJson.ReadText(value); break;
                    case "orderEntryIdList": refund.OrderEntryIdList = new StringList(LenientJson.ReadStringList(value, identifiers: true)); break;
                    case "orderEntryCountMap": refund.OrderEntryCountMap = new OrderEntryCountMap(LenientJson.ReadCountMap(value)); break;

                    case "buyerMemberId": refund.BuyerMemberId = LenientJson.ReadIdentifier(value); break;
                    case "buyerUserId": refund.BuyerUserId = LenientJson.ReadIdentifier(value); break;
                    case "buyerLoginId": refund.BuyerLoginId = LenientJson.ReadIdentifier(value); break;
                    case "buyerAlipayId": refund.BuyerAlipayId = LenientJson.ReadIdentifier(value); break;
                    case "sellerMemberId": refund.SellerMemberId = LenientJson.ReadIdentifier(value); break;
                    case "sellerUserId": refund.SellerUserId = LenientJson.ReadIdentifier(value); break;
                    case "sellerLoginId": refund.SellerLoginId = LenientJson.ReadIdentifier(value); break;
                    case "sellerAlipayId": refund.SellerAlipayId = LenientJson.ReadIdentifier(value); break;
                    case "sellerRealName": refund.SellerRealName = LenientJson.ReadText(value); break;
                    case "sellerMobile": refund.SellerMobile = LenientJson.ReadText(value); break;
                    case "sellerTel": refund.SellerTel = LenientJson.ReadText(value); break;
                    case "sellerReceiveAddress": refund.SellerReceiveAddress = LenientJson.ReadText(value); break;

                    case "alipayPaymentId": refund.AlipayPaymentId = LenientJson.ReadIdentifier(value); break;
                    case "disburseChannel": refund.DisburseChannel = LenientJson.ReadText(value); break;
                    case "instantRefundType": refund.InstantRefundType = LenientJson.ReadText(value); break;
                    case "tradeTypeStr": refund.TradeTypeStr = LenientJson.ReadText(value); break;
                    case "taskStatus": refund.TaskStatus = LenientJson.ReadText(value); break;
                    case "timeOutOperateType": refund.TimeOutOperateType = LenientJson.ReadText(value); break;
                    case "extInfo": refund.ExtInfo = LenientJson.ReadText(value); break;
                    case "crmModifyRefund": refund.CrmModifyRefund = LenientJson.ReadBoolean(value); break;
                    case "insufficientAccount": refund.InsufficientAccount = LenientJson.ReadBoolean(value); break;
                    case "insufficientBail": refund.InsufficientBail = LenientJson.ReadBoolean(value); break;
                    case "newRefundReturn": refund.NewRefundReturn = LenientJson.ReadBoolean(value); break;
                    case "sellerDelayDisburse": refund.SellerDelayDisburse = LenientJson.ReadBoolean(value); break;
                    case "supportNewSteppay": refund.SupportNewSteppay = LenientJson.ReadBoolean(value); break;
                    case "timeOutFreeze": refund.TimeOutFreeze = LenientJson.ReadBoolean(value); break;

                    case "id": refund.Id = LenientJson.ReadIdentifier(value); break;
                    case "createBy": refund.CreateBy = LenientJson.ReadText(value); break;
                    case "createById": refund.CreateById = LenientJson.ReadIdentifier(value); break;
                    case "createTime": refund.CreateTime = LenientJson.ReadTime(value); break;
                    case "updateBy": refund.UpdateBy = LenientJson.ReadText(value); break;
                    case "updateById": refund.UpdateById = LenientJson.ReadIdentifier(value); break;
                    case "updateTime": refund.UpdateTime = LenientJson.ReadTime(value); break;
                    case "remark": refund.Remark = LenientJson.ReadText(value); break;

                    case "refundOperationList": refund.RefundOperationList = ReadOperations(value, fields); break;
                    // Any other field is ignored: the API may add fields at any time.
                }
            });
            CheckRefundId(data, refund, fields);
            return refund;
        }

        /// <summary>
        /// A <c>refundId</c> missing, empty or not the one asked for cannot say which refund this is: the property is
        /// left empty and the value recorded, and <see cref="Refund.RequestedRefundId"/> still tells the refund apart.
        /// </summary>
        private static void CheckRefundId(JsonElement data, Refund refund, FieldReader fields)
        {
            if (refund.RequestedRefundId == null || refund.UnreadFields.ContainsKey("refundId")) return;
            if (refund.RefundId != null && string.Equals(refund.RefundId, refund.RequestedRefundId, StringComparison.OrdinalIgnoreCase)) return;
            refund.RefundId = null;
            fields.Record("refundId", data.TryGetProperty("refundId", out JsonElement sent) ? sent : default);
        }

        /// <summary>
        /// <c>refundOperationList</c>: an array, a string holding one, a single object, or null/"" (no history). An
        /// item that is not an object is recorded (<c>refundOperationList[2]</c>) and left out.
        /// </summary>
        private static RefundOperationList ReadOperations(JsonElement value, FieldReader fields)
        {
            const string Field = "refundOperationList";
            return LenientJson.ReadUnwrapped(value, source =>
            {
                switch (source.ValueKind)
                {
                    case JsonValueKind.Null:
                    case JsonValueKind.Undefined:
                        return RefundOperationList.Empty;
                    case JsonValueKind.String when source.GetString()!.Trim().Length == 0:
                        return RefundOperationList.Empty;
                    case JsonValueKind.Object:
                        return new RefundOperationList(new[] { ReadOperation(source, fields, Field) });
                    case JsonValueKind.Array:
                        var operations = new List<RefundOperation>(source.GetArrayLength());
                        int index = 0;
                        foreach (var item in source.EnumerateArray())
                        {
                            string path = Field + "[" + index++ + "]";
                            if (item.ValueKind == JsonValueKind.Object) operations.Add(ReadOperation(item, fields, path));
                            else if (item.ValueKind != JsonValueKind.Null) fields.Record(path, item);
                        }
                        return new RefundOperationList(operations);
                    default:
                        throw new FormatException("expected the operation history: a JSON array, or text holding one");
                }
            });
        }

        /// <summary><c>logisticsCompany</c>: an object (or text holding one) with companyName and companyNo, or just a name.</summary>
        private static void ReadLogisticsCompany(JsonElement value, RefundOperation operation)
        {
            LenientJson.ReadUnwrapped(value, source =>
            {
                switch (source.ValueKind)
                {
                    case JsonValueKind.Null:
                    case JsonValueKind.Undefined:
                        return true;
                    case JsonValueKind.String:
                        operation.LogisticsCompanyName = LenientJson.ReadText(source);
                        return true;
                    case JsonValueKind.Object:
                        if (source.TryGetProperty("companyName", out var name)) operation.LogisticsCompanyName = LenientJson.ReadText(name);
                        if (source.TryGetProperty("companyNo", out var number)) operation.LogisticsCompanyNo = LenientJson.ReadText(number);
                        return true;
                    default:
                        throw new FormatException("expected a logistics company: a JSON object with companyName and companyNo");
                }
            });
        }

    }
}
