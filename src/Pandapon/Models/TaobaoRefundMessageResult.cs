namespace Pandapon.Models
{
    /// <summary>A message sent to the seller on a Taobao reverse order, as accepted: flat, for a CSV log of what was sent.</summary>
    public sealed class TaobaoRefundMessageResult
    {
        public string? RefundId { get; set; }

        public string? Message { get; set; }

        /// <summary>The images sent with it; one cell joined with ";" in Export-Csv.</summary>
        public StringList ImageUrl { get; set; } = StringList.Empty;

        public string? RequestId { get; set; }
    }
}
