namespace Pandapon.Models
{
    /// <summary>
    /// Whether a refund was opened before or after the trade completed (<c>disputeType</c>, a number): 1688's refund
    /// list documents 1 and 2 (docs/api.md, "Refund info", upstream). A number 1688 adds later stays visible as that number.
    /// </summary>
    public enum RefundDisputeType
    {
        /// <summary>In-sale (售中): the trade is not completed yet (1).</summary>
        InSale = 1,

        /// <summary>After-sale (售后): the trade is completed (2).</summary>
        AfterSale = 2,
    }
}
