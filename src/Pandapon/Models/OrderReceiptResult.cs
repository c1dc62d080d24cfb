namespace Pandapon.Models
{
    /// <summary>The outcome of <c>Confirm-PandaponOrderReceipt</c>: the order and entries confirmed, and the request.</summary>
    public sealed class OrderReceiptResult
    {
        public string? OrderId { get; set; }

        /// <summary>The entries named in the request; empty when the whole order was confirmed.</summary>
        public StringList OrderEntryIds { get; set; } = StringList.Empty;

        public bool Success { get; set; }

        public string? RequestId { get; set; }
    }
}
