namespace Pandapon.Models
{
    /// <summary>
    /// One line of a 1688 order (<c>productItems[]</c> of the buyer view). Prices are yuan as sent; ids are text.
    /// <see cref="OrderEntryId"/> is what refunds and receipt confirmation call an order entry.
    /// </summary>
    public sealed class OrderItem : IHasUnreadFields
    {
        /// <summary>The order the line belongs to.</summary>
        public string? OrderId { get; set; }

        /// <summary>1688's <c>subItemID</c> (or <c>subItemIDString</c>): the order entry id.</summary>
        public string? OrderEntryId { get; set; }

        /// <summary>The product (<c>productID</c>).</summary>
        public string? ProductId { get; set; }

        /// <summary>The goods' title (<c>name</c>).</summary>
        public string? Name { get; set; }

        /// <summary>The chosen variant (<c>skuInfos</c>) as text: <c>颜色: 红色; 尺码: L</c>.</summary>
        public string? SkuInfo { get; set; }

        /// <summary>How many were bought (<c>quantity</c>); 1688 allows fractions for goods sold by weight or length.</summary>
        public decimal? Quantity { get; set; }

        /// <summary>The unit (<c>unit</c>), e.g. 件.</summary>
        public string? Unit { get; set; }

        /// <summary>The unit price (<c>price</c>), in yuan as sent.</summary>
        public decimal? Price { get; set; }

        /// <summary>The line's amount (<c>itemAmount</c>), in yuan as sent.</summary>
        public decimal? Amount { get; set; }

        /// <summary>The line's status (<c>status</c>), an order status.</summary>
        public string? Status { get; set; }

        /// <summary>The line's refund status (<c>refundStatus</c>) as sent, e.g. WAIT_SELLER_AGREE.</summary>
        public string? RefundStatus { get; set; }

        /// <summary>The refund open on the line (<c>refundId</c>, "TQ…"), or null.</summary>
        public string? RefundId { get; set; }

        /// <summary>Fields of the line that could not be read, with the raw value (the order names them too).</summary>
        public UnreadFields UnreadFields { get; } = new UnreadFields();

        string IHasUnreadFields.RecordLabel => "Order line " + (OrderEntryId ?? "(no id)") + " of order " + (OrderId ?? "(no id)");

        /// <summary><c>名称 (颜色: 红色) ×2</c>: how the line reads inside <see cref="OrderItemList"/>'s summary.</summary>
        public override string ToString()
        {
            string name = Name ?? OrderEntryId ?? "?";
            if (!string.IsNullOrEmpty(SkuInfo)) name += " (" + SkuInfo + ")";
            return Quantity.HasValue ? name + " ×" + Quantity.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : name;
        }
    }
}
