using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pandapon.Sandbox.Data;

/// <summary>Writes a <see cref="RefundRecord"/> as the wire's <c>data</c> object, field by field in the seed's order.</summary>
public static class RefundJson
{
    /// <summary>Raw UTF-8 for Chinese text and the "+0800" of dates, as a Java service sends them (no \uXXXX).</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] ToUtf8(RefundRecord r)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
            Write(w, r);
        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Utf8JsonWriter w, RefundRecord r)
    {
        var q = r.Quirks;
        w.WriteStartObject();
        Number(w, q, "id", r.Id);
        Text(w, "createBy", r.CreateBy);
        Number(w, q, "createById", r.CreateById);
        Text(w, "createTime", r.CreateTime);
        Text(w, "updateBy", r.UpdateBy);
        Number(w, q, "updateById", r.UpdateById);
        Text(w, "updateTime", r.UpdateTime);
        Text(w, "remark", r.Remark);
        Text(w, "alipayPaymentId", r.AlipayPaymentId);
        Number(w, q, "applyCarriage", r.ApplyCarriage);
        Number(w, q, "applyExpect", r.ApplyExpect);
        Number(w, q, "applyPayment", r.ApplyPayment);
        Text(w, "applyReason", r.ApplyReason);
        Number(w, q, "applyReasonId", r.ApplyReasonId);
        Text(w, "applySubReason", r.ApplySubReason);
        Number(w, q, "applySubReasonId", r.ApplySubReasonId);
        Text(w, "buyerAlipayId", r.BuyerAlipayId);
        Text(w, "buyerLogisticsName", r.BuyerLogisticsName);
        Text(w, "buyerMemberId", r.BuyerMemberId);
        Bool(w, "buyerSendGoods", r.BuyerSendGoods);
        Number(w, q, "buyerUserId", r.BuyerUserId);
        Number(w, q, "canRefundPayment", r.CanRefundPayment);
        Bool(w, "crmModifyRefund", r.CrmModifyRefund);
        Text(w, "disburseChannel", r.DisburseChannel);
        Number(w, q, "disputeRequest", r.DisputeRequest);
        Number(w, q, "disputeType", r.DisputeType);
        Text(w, "extInfo", r.ExtInfo);
        Text(w, "freightBill", r.FreightBill);
        Number(w, q, "frozenFund", r.FrozenFund);
        Text(w, "gmtApply", r.GmtApply);
        Text(w, "gmtCompleted", r.GmtCompleted);
        Text(w, "gmtCreate", r.GmtCreate);
        Text(w, "gmtFreezed", r.GmtFreezed);
        Text(w, "gmtModified", r.GmtModified);
        Text(w, "gmtTimeOut", r.GmtTimeOut);
        Bool(w, "goodsReceived", r.GoodsReceived);
        Number(w, q, "goodsStatus", r.GoodsStatus);
        Text(w, "refundId", r.RefundId);
        Text(w, "instantRefundType", r.InstantRefundType);
        Bool(w, "insufficientAccount", r.InsufficientAccount);
        Bool(w, "insufficientBail", r.InsufficientBail);
        Bool(w, "newRefundReturn", r.NewRefundReturn);
        Bool(w, "onlyRefund", r.OnlyRefund);
        Text(w, "orderEntryCountMap", r.OrderEntryCountMap);
        Text(w, "orderEntryIdList", r.OrderEntryIdList);
        Number(w, q, "orderId", r.OrderId);
        Number(w, q, "prepaidBalance", r.PrepaidBalance);
        Text(w, "productName", r.ProductName);
        Number(w, q, "refundCarriage", r.RefundCarriage);
        Bool(w, "refundGoods", r.RefundGoods);
        Number(w, q, "refundPayment", r.RefundPayment);
        Text(w, "rejectReason", r.RejectReason);
        Number(w, q, "rejectReasonId", r.RejectReasonId);
        Number(w, q, "rejectTimes", r.RejectTimes);
        Text(w, "sellerAlipayId", r.SellerAlipayId);
        Bool(w, "sellerDelayDisburse", r.SellerDelayDisburse);
        Text(w, "sellerMemberId", r.SellerMemberId);
        Text(w, "sellerMobile", r.SellerMobile);
        Text(w, "sellerRealName", r.SellerRealName);
        Text(w, "sellerReceiveAddress", r.SellerReceiveAddress);
        Text(w, "sellerTel", r.SellerTel);
        Text(w, "sellerUserId", r.SellerUserId);
        Text(w, "status", r.Status);
        Bool(w, "supportNewSteppay", r.SupportNewSteppay);
        Text(w, "taskStatus", r.TaskStatus);
        Bool(w, "timeOutFreeze", r.TimeOutFreeze);
        Text(w, "timeOutOperateType", r.TimeOutOperateType);
        Text(w, "tradeTypeStr", r.TradeTypeStr);
        Operations(w, q, r.RefundOperationList);
        Text(w, "buyerLoginId", r.BuyerLoginId);
        Text(w, "sellerLoginId", r.SellerLoginId);
        foreach (var (name, raw) in q.ExtraFields)
        {
            w.WritePropertyName(name);
            w.WriteRawValue(raw);
        }
        w.WriteEndObject();
    }

    private static void Operations(Utf8JsonWriter w, RecordQuirks q, List<RefundOperation>? operations)
    {
        if (operations is null)
        {
            w.WriteNull("refundOperationList");
            return;
        }
        if (!q.OperationListAsString)
        {
            w.WritePropertyName("refundOperationList");
            WriteOperations(w, operations);
            return;
        }
        // The array serialized on its own, then sent as a string value: what a service does when the column is text.
        var inner = new ArrayBufferWriter<byte>(2048);
        using (var iw = new Utf8JsonWriter(inner, WriterOptions))
            WriteOperations(iw, operations);
        w.WriteString("refundOperationList", System.Text.Encoding.UTF8.GetString(inner.WrittenSpan));
    }

    private static void WriteOperations(Utf8JsonWriter w, List<RefundOperation> operations)
    {
        w.WriteStartArray();
        foreach (var op in operations)
        {
            w.WriteStartObject();
            w.WriteNumber("id", op.Id);
            w.WriteString("refundId", op.RefundId);
            Text(w, "gmtCreate", op.GmtCreate);
            Text(w, "gmtModified", op.GmtModified);
            Text(w, "beforeOperateStatus", op.BeforeOperateStatus);
            Text(w, "afterOperateStatus", op.AfterOperateStatus);
            Number(w, RecordQuirks.None, "operateTypeInt", op.OperateTypeInt);
            Text(w, "operateRemark", op.OperateRemark);
            Text(w, "discription", op.Discription);
            Number(w, RecordQuirks.None, "operatorRoleId", op.OperatorRoleId);
            Text(w, "operatorLoginId", op.OperatorLoginId);
            Number(w, RecordQuirks.None, "operatorUserId", op.OperatorUserId);
            Text(w, "freightBill", op.FreightBill);
            if (op.LogisticsCompany is { } company)
            {
                w.WriteStartObject("logisticsCompany");
                w.WriteNumber("id", company.Id);
                w.WriteString("companyName", company.CompanyName);
                w.WriteString("companyNo", company.CompanyNo);
                Text(w, "companyPhone", company.CompanyPhone);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("logisticsCompany");
            }
            Text(w, "refundAddress", op.RefundAddress);
            Text(w, "rejectReason", op.RejectReason);
            if (op.Vouchers is { } vouchers)
            {
                w.WriteStartArray("vouchers");
                foreach (string v in vouchers) w.WriteStringValue(v);
                w.WriteEndArray();
            }
            else
            {
                w.WriteNull("vouchers");
            }
            Number(w, RecordQuirks.None, "msgType", op.MsgType);
            Number(w, RecordQuirks.None, "messageStatus", op.MessageStatus);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static void Bool(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is bool b) w.WriteBoolean(name, b);
        else w.WriteNull(name);
    }

    private static void Number(Utf8JsonWriter w, RecordQuirks q, string name, long? value)
    {
        if (value is not long n) w.WriteNull(name);
        else if (q.NumbersAsStrings.Contains(name)) w.WriteString(name, n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        else w.WriteNumber(name, n);
    }
}
