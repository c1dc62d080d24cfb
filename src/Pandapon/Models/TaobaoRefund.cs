using System;

namespace Pandapon.Models
{
    /// <summary>
    /// A Taobao reverse order (after-sales, 逆向单) as the detail (<c>GET /v2/taobao/order/refund/query</c>), the list
    /// (<c>POST /open/order/refund/queryList</c>) and the cancel answer send it: the fields of <c>refundOrder</c>,
    /// <c>purchaseOrderLine</c> and <c>logistics</c> on one flat object, so that <c>Export-Csv</c> writes one readable
    /// row (docs/api-taobao-refunds.md).
    /// </summary>
    /// <remarks>
    /// Ids are strings (digit for digit, also when sent as numbers); amounts are <c>decimal</c> yuan converted exactly
    /// from the API's fen; times are <see cref="DateTimeOffset"/> in China time (+08:00) from epoch milliseconds;
    /// codes are enums whose unknown values stay visible as their numbers. A value that could not be read leaves its
    /// property null and is kept, raw, in <see cref="UnreadFields"/>.
    /// </remarks>
    public sealed class TaobaoRefund : IHasUnreadFields
    {
        /// <summary>The reverse order's id (<c>refundId</c>), digits (Taobao ids are numbers, 1688's are "TQ…").</summary>
        public string? RefundId { get; set; }

        /// <summary>The status by name (<c>refundStatus</c>): Applied, SellerAgreed, …; an unknown code shows as its number.</summary>
        public TaobaoRefundStatus? Status { get; set; }

        /// <summary>The status as the API's integer (<c>refundStatus</c>).</summary>
        public int? StatusCode { get; set; }

        /// <summary>Refund only, or return and refund (<c>refundType</c>).</summary>
        public TaobaoRefundType? RefundType { get; set; }

        /// <summary>Where the goods are (<c>goodsStatus</c>).</summary>
        public TaobaoGoodsStatus? GoodsStatus { get; set; }

        /// <summary>The amount asked for (<c>refundFee</c>), in yuan converted from fen.</summary>
        public decimal? RefundFee { get; set; }

        /// <summary>The currency the API names (<c>currency</c>, "CNY" in every example); every amount here is in it.</summary>
        public string? Currency { get; set; }

        /// <summary>The reason the buyer chose (<c>reasonDesc</c>).</summary>
        public string? Reason { get; set; }

        /// <summary>The id of that reason (<c>reasonId</c>).</summary>
        public string? ReasonId { get; set; }

        /// <summary>The buyer's own description (<c>refundDesc</c>).</summary>
        public string? Description { get; set; }

        /// <summary>Why the seller refused (<c>sellerRefuseReason</c>).</summary>
        public string? SellerRefuseReason { get; set; }

        /// <summary>The seller's longer explanation of a refusal (<c>sellerRefuseReasonDescribe</c>).</summary>
        public string? SellerRefuseReasonDescribe { get; set; }

        /// <summary>When the current step times out (<c>timeoutDate</c>, epoch milliseconds).</summary>
        public DateTimeOffset? TimeoutAt { get; set; }

        /// <summary>What happens at the timeout (<c>timeoutType</c>), as the API sends it.</summary>
        public string? TimeoutType { get; set; }

        /// <summary>PandaPon's purchase on Taobao (<c>purchaseOrderId</c>).</summary>
        public string? PurchaseOrderId { get; set; }

        /// <summary>The line of that purchase (<c>purchaseOrderLineId</c>).</summary>
        public string? PurchaseOrderLineId { get; set; }

        /// <summary>The distributor's own sales order (<c>salesOrderId</c>).</summary>
        public string? SalesOrderId { get; set; }

        /// <summary>The payment (<c>payOrderId</c>).</summary>
        public string? PayOrderId { get; set; }

        /// <summary>The Taobao seller (<c>supplierId</c>).</summary>
        public string? SupplierId { get; set; }

        /// <summary>The goods' title (<c>itemTitle</c>).</summary>
        public string? ItemTitle { get; set; }

        /// <summary>How many were bought on the line (<c>quantity</c>).</summary>
        public int? Quantity { get; set; }

        /// <summary>The unit price (<c>price</c>), in yuan converted from fen.</summary>
        public decimal? Price { get; set; }

        /// <summary>The goods' amount (<c>productFee</c>, price × quantity), in yuan converted from fen.</summary>
        public decimal? ProductFee { get; set; }

        /// <summary>The postage (<c>postFee</c>), in yuan converted from fen.</summary>
        public decimal? PostFee { get; set; }

        /// <summary>The line's total (<c>totalPrice</c>, goods plus postage), in yuan converted from fen.</summary>
        public decimal? TotalPrice { get; set; }

        /// <summary>When the reverse order was created (<c>refundOrder.gmtCreate</c>; not in the published schema, inferred).</summary>
        public DateTimeOffset? CreateTime { get; set; }

        /// <summary>When the reverse order last changed (<c>refundOrder.gmtModified</c>; inferred like <see cref="CreateTime"/>).</summary>
        public DateTimeOffset? ModifiedTime { get; set; }

        /// <summary>When the purchase line was created (<c>purchaseOrderLine.createTime</c>).</summary>
        public DateTimeOffset? OrderCreateTime { get; set; }

        /// <summary>The return carrier's code (<c>logisticsCompanyCode</c>, also spelled <c>logisticCompanyCode</c>).</summary>
        public string? LogisticsCompanyCode { get; set; }

        /// <summary>The return carrier's name (<c>logisticsCompanyName</c>).</summary>
        public string? LogisticsCompanyName { get; set; }

        /// <summary>The return waybill number (<c>logisticsNo</c>).</summary>
        public string? LogisticsNo { get; set; }

        /// <summary>Who receives the goods sent back (<c>receiverAddress.receiver</c>).</summary>
        public string? ReceiverName { get; set; }

        /// <summary>Their phone, masked as the API sends it (<c>receiverAddress.phone</c>).</summary>
        public string? ReceiverPhone { get; set; }

        /// <summary>Where the goods go back to (<c>receiverAddress.detailAddress</c>).</summary>
        public string? ReceiverAddress { get; set; }

        /// <summary>
        /// The id this object was asked for, when it differs from <see cref="RefundId"/> (the answer had no readable id,
        /// or another one); null otherwise. So a record can always be told apart.
        /// </summary>
        public string? RequestedRefundId { get; set; }

        /// <summary>The fields that could not be read, by wire path, with their raw values; empty when every field was read.</summary>
        public UnreadFields UnreadFields { get; } = new UnreadFields();

        string IHasUnreadFields.RecordLabel => "Taobao reverse order " + (RefundId ?? RequestedRefundId ?? "(no id)");
    }
}
