using System;

namespace Pandapon.Models
{
    /// <summary>A 1688 or Taobao after-sales (refund, reverse order) change.</summary>
    public sealed class RefundMessage : PandaponMessage
    {
        public string? RefundId { get; set; }
        public string? OrderId { get; set; }
        /// <summary>The refund's status after the change (1688: waitselleragree ... refundsuccess; Taobao: a number as text).</summary>
        public string? CurrentStatus { get; set; }
        /// <summary>What happened, e.g. BUYER_APPLY_REFUND, SELLER_AGREE_REFUND, BUYER_SEND_GOODS.</summary>
        public string? RefundAction { get; set; }
        /// <summary>Who did it: buyer, seller or system.</summary>
        public string? Operator { get; set; }
        public DateTimeOffset? MsgSendTime { get; set; }
        public string? BuyerMemberId { get; set; }
        public string? SellerMemberId { get; set; }

        protected override string? LabelId => RefundId ?? OrderId;
    }
}
