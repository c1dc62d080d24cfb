using System;

namespace Pandapon.Models
{
    /// <summary>
    /// A 1688 order as the buyer sees it (1688's buyer view: <c>baseInfo</c>, <c>productItems</c>, …), flat for
    /// Export-Csv: ids are strings (19 digits), amounts <c>decimal</c> yuan, times <see cref="DateTimeOffset"/> (China
    /// time unless the API sends an offset), the lines one readable cell (<see cref="OrderItemList"/>).
    /// </summary>
    /// <remarks>
    /// Units (docs/api-orders.md, "The buyer view and its units"): <c>totalAmount</c>, <c>shippingFee</c> and
    /// <c>sumProductPayment</c> arrive in yuan and are kept as sent; <c>discount</c> and <c>refundPayment</c> arrive in
    /// fen and are converted to yuan (fen / 100, exact). A value that cannot be read leaves its property null (an
    /// empty list for the lists) and is named in <see cref="UnreadFields"/>.
    /// </remarks>
    public sealed class Order : IHasUnreadFields
    {
        /// <summary>The order id (<c>baseInfo.id</c>, or <c>idOfStr</c>), 19 digits as text.</summary>
        public string? OrderId { get; set; }

        /// <summary>
        /// The order's status (<c>baseInfo.status</c>): waitbuyerpay, waitsellersend, waitlogisticstakein,
        /// waitbuyerreceive, waitbuyersign, signinsuccess, confirm_goods, success, cancel or terminated.
        /// </summary>
        public string? Status { get; set; }

        /// <summary>What the buyer pays, freight included (<c>baseInfo.totalAmount</c>), in yuan as sent.</summary>
        public decimal? TotalAmount { get; set; }

        /// <summary>The goods' part of it (<c>baseInfo.sumProductPayment</c>), in yuan as sent.</summary>
        public decimal? ProductAmount { get; set; }

        /// <summary>The freight (<c>baseInfo.shippingFee</c>), in yuan as sent.</summary>
        public decimal? ShippingFee { get; set; }

        /// <summary>The discount (<c>baseInfo.discount</c>), in yuan, converted from the fen 1688 sends.</summary>
        public decimal? Discount { get; set; }

        /// <summary>What has been refunded (<c>baseInfo.refundPayment</c>), in yuan, converted from the fen 1688 sends.</summary>
        public decimal? RefundPayment { get; set; }

        /// <summary>The currency of every amount: always "CNY".</summary>
        public string Currency => "CNY";

        /// <summary>When the order was placed (<c>baseInfo.createTime</c>).</summary>
        public DateTimeOffset? CreateTime { get; set; }

        /// <summary>When it was paid (<c>baseInfo.payTime</c>); null while unpaid.</summary>
        public DateTimeOffset? PayTime { get; set; }

        /// <summary>When the last parcel was shipped (<c>baseInfo.allDeliveredTime</c>).</summary>
        public DateTimeOffset? DeliveredTime { get; set; }

        /// <summary>When the order was completed (<c>baseInfo.completeTime</c>).</summary>
        public DateTimeOffset? CompleteTime { get; set; }

        /// <summary>The seller's 1688 login (<c>baseInfo.sellerLoginId</c>).</summary>
        public string? SellerLoginId { get; set; }

        /// <summary>The buyer's 1688 login (<c>baseInfo.buyerLoginId</c>).</summary>
        public string? BuyerLoginId { get; set; }

        /// <summary>Who receives the goods (<c>baseInfo.receiverInfo.toFullName</c>).</summary>
        public string? ReceiverName { get; set; }

        /// <summary>The receiver's phone (<c>receiverInfo.toMobile</c>, else <c>toPhone</c>), masked as the API sends it.</summary>
        public string? ReceiverPhone { get; set; }

        /// <summary>The delivery address (<c>receiverInfo.toArea</c>), as sent.</summary>
        public string? ReceiverAddress { get; set; }

        /// <summary>Why a closed order was closed (<c>baseInfo.closeReason</c>: buyerCancel, sellerGoodsLack, other).</summary>
        public string? CloseReason { get; set; }

        /// <summary>The lines (<c>productItems</c>); one readable cell in a CSV, rows with <c>-ExpandProperty Items</c>.</summary>
        public OrderItemList Items { get; set; } = OrderItemList.Empty;

        /// <summary>The distinct refund ids of the lines, so <c>| Get-PandaponRefund</c> reads the order's refunds.</summary>
        public StringList RefundIds { get; set; } = StringList.Empty;

        /// <summary>The order id that was asked for (by id only); it differs from <see cref="OrderId"/> only when the answer's id is missing or another.</summary>
        public string? RequestedOrderId { get; set; }

        /// <summary>Fields that could not be read, by wire path (<c>baseInfo.payTime</c>, <c>productItems[1].price</c>), with the raw value.</summary>
        public UnreadFields UnreadFields { get; } = new UnreadFields();

        string IHasUnreadFields.RecordLabel => "Order " + (OrderId ?? RequestedOrderId ?? "(no id)");
    }
}
