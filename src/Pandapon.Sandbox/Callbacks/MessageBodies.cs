using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Pandapon.Sandbox.Data;

namespace Pandapon.Sandbox.Callbacks;

/// <summary>
/// The message types the sandbox pushes and their bodies, written from the sandbox's own records (never the module's
/// models), shaped as the module's docs/api-messages.md describes them: 1688 order bodies flat with fen amounts and
/// China-time texts, refund bodies with refundId/currentStatus/refundAction/operator, price changes in the three shapes.
/// </summary>
internal static class MessageBodies
{
    public const int Taobao = 0;
    public const int Alibaba = 1;

    // stated
    public const string OrderCreate = "ORDER_CREATE";
    public const string OrderCancel = "ORDER_CANCEL";
    public const string OrderPaySuccess = "ORDER_PAY_SUCCESS";
    public const string PriceModify = "ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY";
    public const string PriceModify1688 = "1688_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY";
    public const string TaobaoPriceModify = "TAOBAO_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY";
    public const string BuyerRefund = "ORDER_BUYER_VIEW_ORDER_BUYER_REFUND";
    // inferred names for the Taobao callbacks whose pages show no body
    public const string TaobaoStatusModify = "TAOBAO_ORDER_BUYER_VIEW_ORDER_STATUS_MODIFY";
    public const string TaobaoReverseOrder = "TAOBAO_ORDER_BUYER_VIEW_ORDER_REFUND";
    /// <summary>A type no reader knows: the module must hand it on as it is.</summary>
    public const string Unknown = "SANDBOX_UNKNOWN_EVENT";

    /// <summary>Upstream 1688 topics (body: orderId, currentStatus, msgSendTime, member ids) and their status after the event.</summary>
    public static readonly (string Type, string Status)[] UpstreamOrderTopics =
    [
        ("ORDER_BUYER_VIEW_ORDER_PAY", "waitsellersend"),
        ("ORDER_BUYER_VIEW_ANNOUNCE_SENDGOODS", "waitbuyerreceive"),
        ("ORDER_BUYER_VIEW_PART_PART_SENDGOODS", "waitsellersend"),
        ("ORDER_BUYER_VIEW_ORDER_COMFIRM_RECEIVEGOODS", "confirm_goods"),
        ("ORDER_BUYER_VIEW_ORDER_SUCCESS", "success"),
        ("ORDER_BUYER_VIEW_ORDER_BUYER_CLOSE", "cancel"),
        ("ORDER_BUYER_VIEW_ORDER_SELLER_CLOSE", "cancel"),
        ("ORDER_BUYER_VIEW_ORDER_BOPS_CLOSE", "terminated"),
        ("ORDER_BATCH_PAY", "waitsellersend"),
    ];

    public static readonly string[] UpstreamRefundTopics = ["ORDER_BUYER_VIEW_ORDER_BUYER_REFUND_IN_SALES", "ORDER_BUYER_VIEW_ORDER_REFUND_AFTER_SALES"];

    private static string Plain(DateTime beijing) => beijing.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>PandaPon's flat order body (ORDER_CREATE, ORDER_PAY_SUCCESS, ORDER_CANCEL, and the flat price change).</summary>
    public static byte[] Order(OrderFacts o) => Write(w =>
    {
        w.WriteString("orderId", o.OrderId.ToString(CultureInfo.InvariantCulture));
        w.WriteString("orderNo", o.OrderNo);
        w.WriteString("orderStatus", o.Status);
        w.WriteNumber("payStatus", o.PayStatus);
        w.WriteNumber("totalAmount", o.ProductFen + o.ShippingFen);
        w.WriteNumber("shippingFee", o.ShippingFen);
        w.WriteNumber("productAmount", o.ProductFen);
        w.WriteNumber("refundAmount", o.RefundFen);
        w.WriteNull("refundStatus");
        if (o.CloseReason is null) w.WriteNull("closeReason"); else w.WriteString("closeReason", o.CloseReason);
        w.WriteString("tbCreateTime", Plain(o.Created));
        if (o.Paid is { } paid) w.WriteString("payTime", Plain(paid)); else w.WriteNull("payTime");
    });

    /// <summary>An upstream 1688 order topic's body: the order id as a number, its status after the event.</summary>
    public static byte[] UpstreamOrder(OrderFacts o, string status, DateTime at) => Write(w =>
    {
        w.WriteNumber("orderId", o.OrderId);
        w.WriteString("currentStatus", status);
        w.WriteString("msgSendTime", Plain(at));
        w.WriteString("buyerMemberId", o.BuyerMemberId);
        w.WriteString("sellerMemberId", o.SellerMemberId);
    });

    /// <summary>1688's full buyer-view order (1688_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY): amounts in yuan as upstream sends them.</summary>
    public static byte[] BuyerViewOrder(OrderFacts o) => Write(w =>
    {
        w.WriteStartObject("baseInfo");
        w.WriteNumber("id", o.OrderId);
        w.WriteString("idOfStr", o.OrderId.ToString(CultureInfo.InvariantCulture));
        w.WriteString("status", "waitbuyerpay");
        w.WriteNumber("totalAmount", (o.ProductFen + o.ShippingFen) / 100m);
        w.WriteNumber("shippingFee", o.ShippingFen / 100m);
        w.WriteNumber("sumProductPayment", o.ProductFen / 100m);
        w.WriteString("buyerID", o.BuyerMemberId);
        w.WriteString("sellerID", o.SellerMemberId);
        w.WriteString("createTime", o.Created.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "+0800");
        w.WriteEndObject();
        w.WriteStartArray("productItems");
        for (int i = 0; i < o.Lines; i++)
        {
            w.WriteStartObject();
            w.WriteNumber("subItemID", o.OrderId % 1_000_000_000 * 10 + i);
            w.WriteString("name", "商品" + (i + 1).ToString(CultureInfo.InvariantCulture));
            w.WriteNumber("quantity", 1);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("nativeLogistics");
        w.WriteString("province", "浙江省");
        w.WriteString("city", "金华市");
        w.WriteEndObject();
    });

    /// <summary>Taobao's price change: salesOrderId, snake_case subOrders (fen), purchaseOrderPriceDTO.</summary>
    public static byte[] TaobaoPriceChange(OrderFacts o) => Write(w =>
    {
        w.WriteString("salesOrderId", o.OrderId.ToString(CultureInfo.InvariantCulture));
        w.WriteStartArray("subOrders");
        for (int i = 0; i < o.Lines; i++)
        {
            w.WriteStartObject();
            w.WriteString("purchase_order_outer_id", "PO" + o.OrderId.ToString(CultureInfo.InvariantCulture));
            w.WriteString("purchase_order_line_outer_id", "POL" + o.OrderId.ToString(CultureInfo.InvariantCulture) + i.ToString(CultureInfo.InvariantCulture));
            w.WriteNumber("product_amount", o.ProductFen / Math.Max(1, o.Lines));
            w.WriteNumber("quantity", 1);
            w.WriteNull("logistic_company_name");
            w.WriteNull("logistic_number");
            w.WriteNull("detail_error_code");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("purchaseOrderPriceDTO");
        w.WriteNumber("totalAmount", o.ProductFen + o.ShippingFen);
        w.WriteNumber("postFee", o.ShippingFen);
        w.WriteEndObject();
    });

    /// <summary>A Taobao order status change (inferred shape: the page shows none).</summary>
    public static byte[] TaobaoStatus(OrderFacts o, DateTime at) => Write(w =>
    {
        w.WriteString("orderId", o.OrderId.ToString(CultureInfo.InvariantCulture));
        w.WriteString("orderStatus", o.Status);
        w.WriteString("msgSendTime", Plain(at));
    });

    /// <summary>A 1688 refund message from the refund's record.</summary>
    public static byte[] Refund(RefundRecord r, string action, string operatorRole, DateTime at) => Write(w =>
    {
        w.WriteString("refundId", r.RefundId);
        if (r.OrderId is long orderId) w.WriteString("orderId", orderId.ToString(CultureInfo.InvariantCulture)); else w.WriteNull("orderId");
        w.WriteString("currentStatus", r.Status);
        w.WriteString("refundAction", action);
        w.WriteString("operator", operatorRole);
        w.WriteString("msgSendTime", Plain(at));
        w.WriteString("buyerMemberId", r.BuyerMemberId);
        w.WriteString("sellerMemberId", r.SellerMemberId);
    });

    /// <summary>A 1688 refund message from plain values (the burst's refunds are not in the store).</summary>
    public static byte[] Refund(string refundId, long orderId, string status, string action, string operatorRole, DateTime at, string buyer, string seller) => Write(w =>
    {
        w.WriteString("refundId", refundId);
        w.WriteString("orderId", orderId.ToString(CultureInfo.InvariantCulture));
        w.WriteString("currentStatus", status);
        w.WriteString("refundAction", action);
        w.WriteString("operator", operatorRole);
        w.WriteString("msgSendTime", Plain(at));
        w.WriteString("buyerMemberId", buyer);
        w.WriteString("sellerMemberId", seller);
    });

    public static byte[] TaobaoReverse(TaobaoReverseOrderChange c) => Write(w =>
    {
        w.WriteString("refundId", c.RefundId);
        w.WriteString("salesOrderId", c.SalesOrderId);
        w.WriteNumber("refundStatus", c.RefundStatus);
        w.WriteString("refundAction", c.RefundAction);
        w.WriteString("operator", c.Operator);
        w.WriteString("msgSendTime", Plain(c.At));
    });

    public static byte[] UnknownEvent(long id, DateTime at) => Write(w =>
    {
        w.WriteNumber("eventId", id);
        w.WriteString("note", "a type the module does not know");
        w.WriteString("at", Plain(at));
    });

    /// <summary>
    /// The envelope: <c>messageBody</c> as the object itself or as a string holding its JSON, <c>timestamp</c> in
    /// milliseconds as a string or as a number.
    /// </summary>
    public static byte[] Envelope(string type, int platform, byte[] body, bool bodyAsString, long timestampMs, bool timestampAsString)
    {
        var buffer = new ArrayBufferWriter<byte>(body.Length + 160);
        using (var w = new Utf8JsonWriter(buffer, RefundJson.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("messageType", type);
            w.WritePropertyName("messageBody");
            if (bodyAsString) w.WriteStringValue(Encoding.UTF8.GetString(body));
            else w.WriteRawValue(body, skipInputValidation: true);
            w.WriteNumber("messagePlatform", platform);
            if (timestampAsString) w.WriteString("timestamp", timestampMs.ToString(CultureInfo.InvariantCulture));
            else w.WriteNumber("timestamp", timestampMs);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Write(Action<Utf8JsonWriter> properties)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, RefundJson.WriterOptions))
        {
            w.WriteStartObject();
            properties(w);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
