using Pandapon.Sandbox.Data;

namespace Pandapon.Sandbox.Callbacks;

/// <summary>An order as an order message tells it (amounts in fen, times Beijing time).</summary>
internal sealed record OrderFacts(
    long OrderId, string OrderNo, string Status, int PayStatus, long ProductFen, long ShippingFen, long RefundFen, string? CloseReason,
    DateTime Created, DateTime? Paid, string BuyerMemberId, string SellerMemberId, int Lines)
{
    public static OrderFacts Of(SandboxOrder order, string status, string? closeReason = null) => new(
        order.OrderId, "PO" + order.Created.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + (order.OrderId % 10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
        status, order.Paid is null ? 1 : 2, order.ProductFen, order.ShippingFeeFen, 0, closeReason,
        order.Created, order.Paid, order.Buyer.MemberId, order.Seller.MemberId, order.Entries.Count);
}

/// <summary>A Taobao reverse order (after-sales) as its change message tells it.</summary>
internal sealed record TaobaoReverseOrderChange(string RefundId, string SalesOrderId, int RefundStatus, string RefundAction, string Operator, DateTime At);

/// <summary>
/// The sandbox's side of PandaPon's message callbacks: one method per state change, called where the change is made
/// (inside the store's lock: each only records and queues, the HTTP push runs later). The order and Taobao endpoints
/// call the order and reverse-order methods once they change state; the refund methods are called today.
/// </summary>
internal interface IMessagePusher
{
    void RefundOpened(RefundRecord refund);
    void RefundAgreed(RefundRecord refund);
    void RefundShippedBack(RefundRecord refund);
    void RefundSucceeded(RefundRecord refund, string action, string operatorRole);
    void OrderCreated(OrderFacts order);
    void OrderPaid(OrderFacts order);
    void OrderCancelled(OrderFacts order);
    void OrderPriceChanged(OrderFacts order);
    void TaobaoReverseOrderChanged(TaobaoReverseOrderChange change);
}
