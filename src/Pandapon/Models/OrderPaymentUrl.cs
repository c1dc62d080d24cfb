namespace Pandapon.Models
{
    /// <summary>The cashier link of an unpaid 1688 order (<c>GET /alibaba/order/pay/url</c>).</summary>
    public sealed class OrderPaymentUrl : IHasUnreadFields
    {
        /// <summary>The order asked about (<c>orderId</c>, else the one asked for).</summary>
        public string? OrderId { get; set; }

        /// <summary>Where to pay (<c>payUrl</c>); null when the order cannot be paid.</summary>
        public string? PayUrl { get; set; }

        /// <summary>Whether a payment agreement already paid it (<c>protocolPaySuccess</c>).</summary>
        public bool? ProtocolPaySuccess { get; set; }

        /// <summary>The orders that cannot be paid (<c>cantPayOrderList</c>), e.g. because they are paid or closed.</summary>
        public StringList CantPayOrderIds { get; set; } = StringList.Empty;

        public UnreadFields UnreadFields { get; } = new UnreadFields();

        string IHasUnreadFields.RecordLabel => "Payment URL of order " + (OrderId ?? "(no id)");
    }
}
