namespace Pandapon.Models
{
    /// <summary>
    /// The status of a Taobao reverse order (<c>refundStatus</c>, an integer; docs/api-taobao-refunds.md §3, the
    /// codes and meanings inferred). A code not listed here stays visible as its number: the enum holds it, and
    /// <c>ToString()</c>, <c>Format-Table</c> and <c>Export-Csv</c> show "50".
    /// </summary>
    public enum TaobaoRefundStatus
    {
        /// <summary>No after-sales applied for (0).</summary>
        NotApplied = 0,

        /// <summary>Applied, waiting for the seller (10).</summary>
        Applied = 10,

        /// <summary>The seller agreed, waiting for the buyer to send the goods back (20).</summary>
        SellerAgreed = 20,

        /// <summary>The goods are on their way back, waiting for the seller to confirm receipt (30).</summary>
        WaitingSellerReceipt = 30,

        /// <summary>Refunded (100).</summary>
        Succeeded = 100,

        /// <summary>The seller refused (-10).</summary>
        SellerRefused = -10,

        /// <summary>Closed: withdrawn by the buyer, or timed out (-20).</summary>
        Closed = -20,
    }

    /// <summary>What the buyer asked for (<c>refundType</c>; upstream Taobao numbering). Another code shows as its number.</summary>
    public enum TaobaoRefundType
    {
        /// <summary>Refund only, no goods sent back (1).</summary>
        RefundOnly = 1,

        /// <summary>Return the goods and refund (2).</summary>
        ReturnAndRefund = 2,
    }

    /// <summary>Where the goods are (<c>goodsStatus</c>; upstream Taobao numbering). Another code shows as its number.</summary>
    public enum TaobaoGoodsStatus
    {
        /// <summary>Not shipped by the seller (1).</summary>
        NotShipped = 1,

        /// <summary>Shipped by the seller (2).</summary>
        Shipped = 2,

        /// <summary>Not received by the buyer (3).</summary>
        NotReceived = 3,

        /// <summary>Received by the buyer (4).</summary>
        Received = 4,

        /// <summary>Sent back by the buyer (5).</summary>
        SentBack = 5,

        /// <summary>The seller confirmed receiving the goods back (6).</summary>
        ReceivedBySeller = 6,
    }
}
