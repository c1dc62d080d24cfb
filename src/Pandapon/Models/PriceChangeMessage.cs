namespace Pandapon.Models
{
    /// <summary>An order's price changed by the seller before payment (1688 or Taobao).</summary>
    public sealed class PriceChangeMessage : PandaponMessage
    {
        /// <summary>The 1688 order id, or Taobao's salesOrderId.</summary>
        public string? OrderId { get; set; }
        public string? OrderStatus { get; set; }
        /// <summary>Yuan.</summary>
        public decimal? TotalAmount { get; set; }
        public decimal? ShippingFee { get; set; }
        public decimal? ProductAmount { get; set; }
        /// <summary>How many lines (1688 productItems, Taobao subOrders) the body lists.</summary>
        public int? LineCount { get; set; }
        public string Currency => "CNY";

        protected override string? LabelId => OrderId;
    }
}
