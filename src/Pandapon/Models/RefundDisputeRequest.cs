namespace Pandapon.Models
{
    /// <summary>
    /// What the buyer asks for (<c>disputeRequest</c>): a new refund sends the strings <c>refund</c> and
    /// <c>returnRefund</c>; a refund's record sends a number, read as 1 = refund only and 2 = return and refund
    /// (inferred: 1688 does not document the numbers; docs/api.md, "Refund info"). Another number stays visible as
    /// that number.
    /// </summary>
    public enum RefundDisputeRequest
    {
        /// <summary>Refund only, no goods sent back (<c>refund</c>).</summary>
        Refund = 1,

        /// <summary>Return the goods and refund (<c>returnRefund</c>); allowed once the goods were received.</summary>
        ReturnRefund = 2,
    }
}
