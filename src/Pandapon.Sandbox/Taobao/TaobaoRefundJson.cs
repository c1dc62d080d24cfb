using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Pandapon.Sandbox.Data;

namespace Pandapon.Sandbox.Taobao;

/// <summary>
/// Writes Taobao reverse orders as the wire's <c>data</c>: the detail (<c>{distributorId, currency,
/// refundOrderAggregate{logistics, refundOrder, purchaseOrderLine}}</c>), the cancel answer, and the list page in
/// PandaPon's paging envelope. Field names and order follow the documents; what they do not show is marked in
/// docs/api-taobao-refunds.md.
/// </summary>
public static class TaobaoRefundJson
{
    public const string Currency = "CNY";

    public static byte[] Detail(TaobaoRefund r, string distributorId, long nowMs) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("distributorId", distributorId);
        WriteCurrency(w, r);
        w.WritePropertyName("refundOrderAggregate");
        Aggregate(w, r, nowMs, withRefundId: false);
        w.WriteEndObject();
    });

    /// <summary>The cancel answer: the documented <c>cancelSuccess</c> before the detail; a refusal says why in <c>cancelFailReason</c>.</summary>
    public static byte[] Cancel(TaobaoRefund r, string distributorId, long nowMs, bool success, string? failReason) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("cancelSuccess", success);
        if (failReason is not null) w.WriteString("cancelFailReason", failReason);
        WriteCurrency(w, r);
        w.WriteString("distributorId", distributorId);
        w.WritePropertyName("refundOrderAggregate");
        Aggregate(w, r, nowMs, withRefundId: false);
        w.WriteEndObject();
    });

    /// <summary>PandaPon's paging envelope <c>{totalRecords, totalPage, pageSize, currentPage, data[]}</c>.</summary>
    public static byte[] Page(IReadOnlyList<TaobaoRefund> rows, long total, int pageNo, int pageSize, TaobaoListShape shape, long nowMs) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("totalRecords", total);
        w.WriteNumber("totalPage", (total + pageSize - 1) / pageSize);
        w.WriteNumber("pageSize", pageSize);
        w.WriteNumber("currentPage", pageNo);
        w.WriteStartArray("data");
        foreach (var r in rows)
        {
            if (shape == TaobaoListShape.Nested)
            {
                Aggregate(w, r, nowMs, withRefundId: true);
                continue;
            }
            w.WriteStartObject();
            RefundOrderFields(w, r, nowMs);
            if (r.Quirks?.Sparse != true)
            {
                PurchaseOrderLineFields(w, r);
                LogisticsFields(w, r);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void Aggregate(Utf8JsonWriter w, TaobaoRefund r, long nowMs, bool withRefundId)
    {
        bool sparse = r.Quirks?.Sparse == true;
        w.WriteStartObject();
        if (withRefundId) Id(w, r, "refundId", r.RefundId);
        w.WritePropertyName("logistics");
        if (sparse || r.Return is null) w.WriteNullValue();
        else
        {
            w.WriteStartObject();
            LogisticsFields(w, r);
            w.WriteEndObject();
        }
        w.WriteStartObject("refundOrder");
        RefundOrderFields(w, r, nowMs);
        w.WriteEndObject();
        w.WritePropertyName("purchaseOrderLine");
        if (sparse) w.WriteNullValue();
        else
        {
            w.WriteStartObject();
            PurchaseOrderLineFields(w, r);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void RefundOrderFields(Utf8JsonWriter w, TaobaoRefund r, long nowMs)
    {
        if (r.Quirks?.Sparse == true)
        {
            w.WriteNumber("refundStatus", r.Status);
            Id(w, r, "refundId", r.RefundId);
            w.WriteNumber("gmtCreate", r.GmtCreate);
            return;
        }
        Amount(w, r, "refundFee", r.RefundFee);
        Id(w, r, "payOrderId", r.PayOrderId);
        Text(w, "timeoutType", r.TimeoutType);
        Text(w, "sellerRefuseReason", r.SellerRefuseReason);
        w.WriteNumber("refundStatus", r.Status);
        w.WriteBoolean("canEditFee", r.CanEditFee);
        if (r.TimeoutDate is long timeout) w.WriteNumber("remainingTime", Math.Max(0, timeout - nowMs));
        else w.WriteNull("remainingTime");
        w.WriteNumber("refundType", r.RefundType);
        w.WriteString("feeTips", FeeTips(r));
        w.WriteString("reasonDesc", r.ReasonDesc);
        w.WriteNumber("goodsStatus", r.GoodsStatus);
        w.WriteString("refundDesc", r.RefundDesc);
        w.WriteNumber("reasonId", r.ReasonId);
        if (r.TimeoutDate is long date) w.WriteNumber("timeoutDate", date);
        else w.WriteNull("timeoutDate");
        Text(w, "sellerRefuseReasonDescribe", r.SellerRefuseReasonDescribe);
        Id(w, r, "refundId", r.RefundId);
        // Not in the documented schema (inferred): the reverse order's own creation and last change.
        w.WriteNumber("gmtCreate", r.GmtCreate);
        w.WriteNumber("gmtModified", r.GmtModified);
    }

    private static void PurchaseOrderLineFields(Utf8JsonWriter w, TaobaoRefund r)
    {
        Id(w, r, "salesOrderId", r.SalesOrderId);
        Id(w, r, "supplierId", r.SupplierId);
        w.WriteNumber("quantity", r.Quantity);
        Amount(w, r, "totalPrice", r.TotalPrice);
        w.WriteString("itemTitle", r.ItemTitle);
        Amount(w, r, "postFee", r.PostFee);
        Amount(w, r, "productFee", r.ProductFee);
        w.WriteString("salesMarket", r.SalesMarket);
        Id(w, r, "purchaseOrderLineId", r.PurchaseOrderLineId);
        w.WriteNumber("createTime", r.OrderCreateTime);
        Id(w, r, "purchaseOrderId", r.PurchaseOrderId);
        Amount(w, r, "price", r.Price);
        w.WriteString("currency", Currency);
        w.WriteString("itemImageUrl", r.ItemImageUrl);
    }

    private static void LogisticsFields(Utf8JsonWriter w, TaobaoRefund r)
    {
        TaobaoReturn? back = r.Return;
        w.WritePropertyName("receiverAddress");
        if (back is null) w.WriteNullValue();
        else
        {
            w.WriteStartObject();
            w.WriteString("detailAddress", back.DetailAddress);
            w.WriteString("phone", back.ReceiverPhone);
            w.WriteString("receiver", back.Receiver);
            w.WriteEndObject();
        }
        Text(w, "returnGoodsDesc", back?.ReturnGoodsDesc);
        Text(w, "buyerPhone", back?.BuyerPhone);
        w.WritePropertyName("logisticsCompany");
        if (back?.CompanyCode is null) w.WriteNullValue();
        else
        {
            // Both spellings occur in the documents: the detail schema's and the cancel example's.
            w.WriteStartObject();
            w.WriteString(back.CodeSpelledWithoutS ? "logisticCompanyCode" : "logisticsCompanyCode", back.CompanyCode);
            w.WriteString("logisticsCompanyName", back.CompanyName);
            w.WriteEndObject();
        }
        Text(w, "logisticsNo", back?.LogisticsNo);
        Text(w, "sellerAgreeReturnDescribe", back?.SellerAgreeReturnDescribe);
    }

    private static string FeeTips(TaobaoRefund r)
    {
        string tips = "最多可退¥" + RefundGenerator.Yuan(r.MaxRefundFee);
        return r.MaxRefundFee > r.ProductFee ? tips + "，含邮费¥" + RefundGenerator.Yuan(r.PostFee) : tips;
    }

    private static void WriteCurrency(Utf8JsonWriter w, TaobaoRefund r)
    {
        if (r.Quirks?.Sparse == true) w.WriteNull("currency");
        else w.WriteString("currency", Currency);
    }

    private static void Id(Utf8JsonWriter w, TaobaoRefund r, string name, long value)
    {
        if (r.Quirks?.IdsAsStrings == true) w.WriteString(name, value.ToString(CultureInfo.InvariantCulture));
        else w.WriteNumber(name, value);
    }

    private static void Amount(Utf8JsonWriter w, TaobaoRefund r, string name, long fen)
    {
        if (r.Quirks?.AmountsAsStrings == true) w.WriteString(name, fen.ToString(CultureInfo.InvariantCulture));
        else w.WriteNumber(name, fen);
    }

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer, RefundJson.WriterOptions)) write(w);
        return buffer.WrittenSpan.ToArray();
    }
}
