using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Pandapon.Sandbox.Data;

/// <summary>
/// Writes orders: the <c>data</c> of <c>POST /alibaba/order/detail</c> in the shape of 1688's buyer view
/// (<c>alibaba.trade.get.buyerView</c>: <c>baseInfo</c>, <c>productItems</c>, <c>nativeLogistics</c>, <c>tradeTerms</c>),
/// and the list of <c>GET /sandbox/orders</c>. In the buyer view <c>totalAmount</c>, <c>shippingFee</c>,
/// <c>sumProductPayment</c>, <c>refund</c>, <c>price</c> and <c>itemAmount</c> are yuan with two decimals, while
/// <c>discount</c> and <c>refundPayment</c> are fen, as upstream mixes them.
/// </summary>
internal static class OrderJson
{
    // The buyer's receiving address: PandaPon's warehouse, where 1688 sellers ship to.
    private const string Province = "浙江省", City = "金华市", Area = "义乌市", AreaCode = "330782", Zip = "322000";
    private const string Address = "稠城街道 城中北路 PandaPon集运仓 3号库";
    private const string Contact = "PandaPon仓库", Mobile = "13967900000";

    public static byte[] BuyerView(SandboxOrder order, Func<string, RefundRecord?> refundOf)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, RefundJson.WriterOptions))
            WriteBuyerView(w, order, refundOf);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>One order in the buyer view's shape, as the detail's <c>data</c> or as a row of the order page.</summary>
    public static void WriteBuyerView(Utf8JsonWriter w, SandboxOrder order, Func<string, RefundRecord?> refundOf)
    {
        {
            long refundedFen = 0;
            foreach (var entry in order.Entries)
                if (entry.RefundId is { } id && refundOf(id) is { Status: RefundStatus.Success } done) refundedFen += done.RefundPayment ?? 0;

            w.WriteStartObject();
            w.WriteStartObject("baseInfo");
            w.WriteNumber("id", order.OrderId);
            w.WriteString("idOfStr", Id(order.OrderId));
            w.WriteString("businessType", "cn");
            w.WriteString("buyerID", order.Buyer.MemberId);
            w.WriteString("buyerLoginId", order.Buyer.LoginId);
            w.WriteString("buyerUserId", Id(order.Buyer.UserId));
            w.WriteString("sellerID", order.Seller.MemberId);
            w.WriteString("sellerLoginId", order.Seller.LoginId);
            w.WriteString("sellerUserId", Id(order.Seller.UserId));
            w.WriteStartObject("sellerContact");
            w.WriteString("name", order.Seller.RealName);
            w.WriteString("mobile", order.Seller.Mobile);
            Text(w, "phone", order.Seller.Tel);
            w.WriteString("companyName", order.Seller.LoginId);
            w.WriteEndObject();
            w.WriteString("status", order.Status);
            w.WriteString("tradeType", "50060");
            w.WriteNumber("totalAmount", Yuan(order.TotalFen));
            w.WriteNumber("sumProductPayment", Yuan(order.ProductFen));
            w.WriteNumber("shippingFee", Yuan(order.ShippingFeeFen));
            w.WriteNumber("discount", 0);
            w.WriteNumber("refund", Yuan(refundedFen));
            w.WriteNumber("refundPayment", refundedFen);
            w.WriteString("createTime", RefundGenerator.Gmt(order.Created));
            Time(w, "payTime", order.Paid);
            Time(w, "allDeliveredTime", order.Shipped);
            Time(w, "completeTime", order.Completed);
            w.WriteString("modifyTime", RefundGenerator.Gmt(order.Modified));
            if (order.Closed is { } closed)
            {
                w.WriteString("closeReason", order.CloseReason);
                Text(w, "closeRemark", order.CloseRemark);
                w.WriteString("closeTime", RefundGenerator.Gmt(closed));
            }
            w.WriteStartObject("receiverInfo");
            w.WriteString("toFullName", Contact);
            w.WriteString("toMobile", Mobile);
            w.WriteString("toArea", $"{Province} {City} {Area} {Address}");
            w.WriteString("toDivisionCode", AreaCode);
            w.WriteString("toPost", Zip);
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartArray("productItems");
            foreach (var entry in order.Entries)
            {
                RefundRecord? refund = entry.RefundId is { } id ? refundOf(id) : null;
                w.WriteStartObject();
                w.WriteNumber("itemAmount", Yuan(entry.AmountFen));
                w.WriteString("name", entry.ProductName);
                w.WriteNumber("price", Yuan(entry.UnitPriceFen));
                w.WriteNumber("productID", entry.ProductId);
                w.WriteStartArray("productImgUrl");
                w.WriteStringValue($"https://cbu01.alicdn.com/img/ibank/O1CN01{entry.SpecId[..20]}_!!{order.Seller.UserId}-0-cib.jpg");
                w.WriteEndArray();
                w.WriteNumber("quantity", entry.Quantity);
                w.WriteNumber("skuID", entry.SkuId);
                w.WriteStartArray("skuInfos");
                w.WriteStartObject();
                w.WriteString("name", "颜色");
                w.WriteString("value", entry.Color);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteString("specId", entry.SpecId);
                w.WriteString("status", order.Status);
                w.WriteNumber("subItemID", entry.EntryId);
                w.WriteString("subItemIDString", Id(entry.EntryId));
                w.WriteString("unit", "件");
                w.WriteNumber("logisticsStatus", order.Waybills.Count == 0 ? 1 : 2);
                Text(w, "refundId", refund?.RefundId);
                Text(w, "refundStatus", refund is null ? null : ItemRefundStatus(refund.Status));
                w.WriteString("gmtCreate", RefundGenerator.Gmt(order.Created));
                w.WriteString("gmtModified", RefundGenerator.Gmt(order.Modified));
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartObject("nativeLogistics");
            w.WriteString("address", Address);
            w.WriteString("area", Area);
            w.WriteString("areaCode", AreaCode);
            w.WriteString("city", City);
            w.WriteString("contactPerson", Contact);
            w.WriteString("mobile", Mobile);
            w.WriteString("province", Province);
            w.WriteNull("telephone");
            w.WriteString("zip", Zip);
            w.WriteStartArray("logisticsItems");
            foreach (var waybill in order.Waybills)
            {
                w.WriteStartObject();
                w.WriteString("logisticsId", waybill.LogisticsId);
                w.WriteString("logisticsCompanyName", waybill.CompanyName);
                w.WriteString("logisticsCompanyNo", waybill.CompanyNo);
                w.WriteString("logisticsBillNo", waybill.BillNo);
                w.WriteString("deliveredTime", RefundGenerator.Gmt(order.Shipped!.Value));
                w.WriteString("status", "alreadysend");
                w.WriteString("subItemIds", string.Join(",", waybill.EntryIds.Select(Id)));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteStartArray("tradeTerms");
            w.WriteStartObject();
            w.WriteString("payStatus", order.Paid is null ? "1" : "2");
            Time(w, "payTime", order.Paid);
            w.WriteString("payWay", "13");
            w.WriteNumber("phasAmount", Yuan(order.TotalFen));
            w.WriteNumber("phase", 1);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
    }

    /// <summary>
    /// <c>GET /sandbox/orders</c>: the fresh orders with what a test needs to open a refund on one: ids as strings,
    /// amounts in fen, the goodsStatus values the order allows, and each entry's current refund.
    /// </summary>
    public static byte[] List(IEnumerable<SandboxOrder> orders, Func<string, RefundRecord?> refundOf)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var w = new Utf8JsonWriter(buffer, RefundJson.WriterOptions))
        {
            w.WriteStartArray();
            foreach (var order in orders)
            {
                w.WriteStartObject();
                w.WriteString("orderId", Id(order.OrderId));
                w.WriteString("status", order.Status);
                w.WriteBoolean("buyerIsCaller", !order.ForeignBuyer);
                w.WriteStartArray("goodsStatuses");
                foreach (string status in OrderStatus.GoodsStatusesFor(order.Status)) w.WriteStringValue(status);
                w.WriteEndArray();
                w.WriteNumber("shippingFee", order.ShippingFeeFen);
                w.WriteNumber("totalAmount", order.TotalFen);
                w.WriteStartArray("entries");
                foreach (var entry in order.Entries)
                {
                    RefundRecord? refund = entry.RefundId is { } id ? refundOf(id) : null;
                    w.WriteStartObject();
                    w.WriteString("entryId", Id(entry.EntryId));
                    w.WriteString("productName", entry.ProductName);
                    w.WriteNumber("quantity", entry.Quantity);
                    w.WriteNumber("price", entry.UnitPriceFen);
                    w.WriteNumber("amount", entry.AmountFen);
                    Text(w, "refundId", refund?.RefundId);
                    Text(w, "refundStatus", refund?.Status);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>An entry's refund status as the buyer view spells it (upper case with underscores).</summary>
    public static string ItemRefundStatus(string? status) => status switch
    {
        RefundStatus.WaitSellerAgree => "WAIT_SELLER_AGREE",
        RefundStatus.WaitBuyerModify => "WAIT_BUYER_MODIFY",
        RefundStatus.WaitBuyerSend => "WAIT_BUYER_SEND",
        RefundStatus.WaitSellerReceive => "WAIT_SELLER_RECEIVE",
        RefundStatus.Success => "REFUND_SUCCESS",
        RefundStatus.Close => "REFUND_CLOSED",
        _ => "",
    };

    /// <summary>Fen as yuan with two decimals, written as such (6400 fen is 64.00): the scale of 0.01m carries over.</summary>
    public static decimal Yuan(long fen) => fen * 0.01m;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static void Time(Utf8JsonWriter w, string name, DateTime? value)
    {
        if (value is { } time) w.WriteString(name, RefundGenerator.Gmt(time));
        else w.WriteNull(name);
    }
}
