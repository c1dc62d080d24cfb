namespace Pandapon.Models
{
    /// <summary>
    /// What the buyer asks for when opening a 1688 refund (<c>disputeRequest</c>): the API takes the strings
    /// <c>refund</c> and <c>returnRefund</c>. The numbers are those the sandbox's after-sales records use in their
    /// <c>disputeRequest</c> code (the real service's numbering is not documented).
    /// </summary>
    public enum RefundDisputeRequest
    {
        /// <summary>Refund only, no goods sent back (<c>refund</c>).</summary>
        Refund = 1,

        /// <summary>Return the goods and refund (<c>returnRefund</c>); allowed once the goods were received.</summary>
        ReturnRefund = 2,
    }
}
