using System;

namespace Pandapon.Models
{
    /// <summary>Which marketplace a callback message is about: PandaPon's <c>messagePlatform</c> 0 or 1.</summary>
    public enum MessagePlatform
    {
        Taobao = 0,

        /// <summary>1688.com (a .NET name cannot start with a digit, hence the prefix).</summary>
        Alibaba1688 = 1,
    }

    /// <summary>
    /// What every callback message has, whatever its type (docs/api-messages.md). The derived models add the body's
    /// fields; <see cref="Message"/> is the one for types the module does not know.
    /// </summary>
    public abstract class PandaponMessage : IHasUnreadFields
    {
        /// <summary>The envelope's <c>messageType</c> as sent, e.g. <c>ORDER_PAY_SUCCESS</c>.</summary>
        public string MessageType { get; set; } = "";

        public MessagePlatform Platform { get; set; }

        /// <summary>When PandaPon pushed it (the envelope's <c>timestamp</c>, epoch milliseconds), in China time.</summary>
        public DateTimeOffset? SentAt { get; set; }

        /// <summary>
        /// SHA-256 (64 lower-case hex) of the type and the body in a canonical form (keys sorted, no white space), so a
        /// re-pushed message has the same id whether its body came as an object or as a string holding JSON.
        /// </summary>
        public string MessageId { get; set; } = "";

        /// <summary>The body as JSON text (a string body: the JSON it holds).</summary>
        public string RawBody { get; set; } = "";

        public UnreadFields UnreadFields { get; } = new UnreadFields();

        string IHasUnreadFields.RecordLabel => GetType().Name + " " + MessageType + (LabelId is string id ? " " + id : "");

        /// <summary>The id that names the message in a warning: the refund or order it is about.</summary>
        protected abstract string? LabelId { get; }
    }

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

    /// <summary>A message of a type the module does not know: the envelope's facts and the body as sent.</summary>
    public sealed class Message : PandaponMessage
    {
        /// <summary>The body as PowerShell objects (a PSCustomObject for an object body), as ConvertFrom-Json gives it.</summary>
        public object? Body { get; set; }

        protected override string? LabelId => null;
    }
}
