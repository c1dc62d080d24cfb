using System;

namespace Pandapon.Models
{
    /// <summary>An order created, paid, cancelled, shipped, closed...: the fields of an order message body.</summary>
    public sealed class OrderMessage : PandaponMessage
    {
        public string? OrderId { get; set; }
        public string? OrderNo { get; set; }
        /// <summary>PandaPon's order status (WAITING_FOR_PAYMENT, ...) or 1688's currentStatus (waitsellersend, ...).</summary>
        public string? OrderStatus { get; set; }
        public int? PayStatus { get; set; }
        /// <summary>Yuan (the body sends fen).</summary>
        public decimal? TotalAmount { get; set; }
        public decimal? ShippingFee { get; set; }
        public decimal? ProductAmount { get; set; }
        public decimal? RefundAmount { get; set; }
        public string? RefundStatus { get; set; }
        public string? CloseReason { get; set; }
        public DateTimeOffset? TbCreateTime { get; set; }
        public DateTimeOffset? PayTime { get; set; }
        public DateTimeOffset? MsgSendTime { get; set; }
        public string? BuyerMemberId { get; set; }
        public string? SellerMemberId { get; set; }
        public string Currency => "CNY";

        protected override string? LabelId => OrderId;
    }
}
