using System;

namespace Pandapon.Models
{
    /// <summary>
    /// A 1688 after-sales refund, as <c>POST /alibaba/refund/info</c> returns it in <c>data</c>: every field of the
    /// API, named as the API names it in PascalCase (<c>refundId</c> is <see cref="RefundId"/>).
    /// </summary>
    /// <remarks>
    /// Types, so that the object goes straight into Where-Object, Export-Csv and ConvertTo-Json:
    /// identifiers (every field whose name ends in "Id") are strings, because 19-digit ids lose digits as numbers
    /// in spreadsheets and JSON tools; amounts are <c>decimal</c> yuan converted exactly from the API's fen
    /// (fen / 100, two decimal places), with <see cref="Currency"/> "CNY"; times are <see cref="DateTimeOffset"/>
    /// (China time, +08:00, unless the API sends an offset); flags are <c>bool?</c>; codes are <c>int?</c>, and the
    /// three whose meaning is known also by name (<see cref="DisputeType"/> beside <see cref="DisputeTypeCode"/>, …).
    /// A field the API leaves out or sends as null is null here; the three collections are empty instead.
    /// Properties are ordered for a readable CSV: identity and status, amounts, times, reasons, goods,
    /// buyer, seller, the rest, PandaPon's own record fields, and the history last.
    /// </remarks>
    public sealed class Refund : IHasUnreadFields
    {
        /// <summary>
        /// The refund id (<c>refundId</c>), "TQ" and digits. Null when the data left it out, sent it empty or sent
        /// another id than the one asked for (the value sent is then in <see cref="UnreadFields"/>).
        /// </summary>
        public string? RefundId { get; set; }

        /// <summary>
        /// The refund id the request asked for (null when the refund came from elsewhere, e.g. a JSON file): it tells
        /// the refund apart even when the data's own <see cref="RefundId"/> is missing or wrong.
        /// </summary>
        public string? RequestedRefundId { get; set; }

        /// <summary>The 1688 order the refund belongs to (<c>orderId</c>), a string: the id has 19 digits.</summary>
        public string? OrderId { get; set; }

        /// <summary>
        /// The refund status (<c>status</c>) as the API sends it: <c>waitselleragree</c>, <c>waitbuyermodify</c>,
        /// <c>waitbuyersend</c>, <c>waitsellerreceive</c>, <c>refundsuccess</c> or <c>refundclose</c>.
        /// </summary>
        public string? Status { get; set; }

        /// <summary>The goods' title (<c>productName</c>).</summary>
        public string? ProductName { get; set; }

        /// <summary>The amount the buyer applied for (<c>applyPayment</c>), in yuan (CNY), converted from fen.</summary>
        public decimal? ApplyPayment { get; set; }

        /// <summary>The freight the buyer applied for (<c>applyCarriage</c>), in yuan (CNY), converted from fen.</summary>
        public decimal? ApplyCarriage { get; set; }

        /// <summary>The amount the buyer typed when applying (<c>applyExpect</c>), in yuan (CNY), converted from fen.</summary>
        public decimal? ApplyExpect { get; set; }

        /// <summary>The amount actually refunded (<c>refundPayment</c>), in yuan (CNY), converted from fen.</summary>
        public decimal? RefundPayment { get; set; }

        /// <summary>The freight actually refunded (<c>refundCarriage</c>), in yuan (CNY), converted from fen.</summary>
        public decimal? RefundCarriage { get; set; }

        /// <summary>The most that can be refunded (<c>canRefundPayment</c>), in yuan (CNY), converted from fen.</summary>
        public decimal? CanRefundPayment { get; set; }

        /// <summary>The amount actually frozen (<c>frozenFund</c>), in yuan (CNY), converted from fen.</summary>
        public decimal? FrozenFund { get; set; }

        /// <summary>The prepaid balance involved (<c>prepaidBalance</c>), in yuan (CNY), converted from fen.</summary>
        public decimal? PrepaidBalance { get; set; }

        /// <summary>The currency of every amount: always "CNY" (the API sends fen, this object shows yuan).</summary>
        public string Currency => "CNY";

        /// <summary>When the buyer applied (<c>gmtApply</c>).</summary>
        public DateTimeOffset? GmtApply { get; set; }

        /// <summary>When 1688 created the refund (<c>gmtCreate</c>).</summary>
        public DateTimeOffset? GmtCreate { get; set; }

        /// <summary>When the refund last changed (<c>gmtModified</c>).</summary>
        public DateTimeOffset? GmtModified { get; set; }

        /// <summary>When the refund was completed (<c>gmtCompleted</c>).</summary>
        public DateTimeOffset? GmtCompleted { get; set; }

        /// <summary>When the funds were frozen (<c>gmtFreezed</c>, the API's spelling).</summary>
        public DateTimeOffset? GmtFreezed { get; set; }

        /// <summary>When the current step times out (<c>gmtTimeOut</c>).</summary>
        public DateTimeOffset? GmtTimeOut { get; set; }

        /// <summary>The buyer's reason (<c>applyReason</c>).</summary>
        public string? ApplyReason { get; set; }

        /// <summary>The id of the buyer's reason (<c>applyReasonId</c>).</summary>
        public string? ApplyReasonId { get; set; }

        /// <summary>The buyer's sub-reason (<c>applySubReason</c>).</summary>
        public string? ApplySubReason { get; set; }

        /// <summary>The id of the buyer's sub-reason (<c>applySubReasonId</c>).</summary>
        public string? ApplySubReasonId { get; set; }

        /// <summary>The seller's reason for rejecting (<c>rejectReason</c>).</summary>
        public string? RejectReason { get; set; }

        /// <summary>The id of the seller's reason for rejecting (<c>rejectReasonId</c>).</summary>
        public string? RejectReasonId { get; set; }

        /// <summary>How many times the seller rejected (<c>rejectTimes</c>).</summary>
        public int? RejectTimes { get; set; }

        /// <summary>
        /// In-sale or after-sale (<c>disputeType</c>), by name: <c>InSale</c> (1) or <c>AfterSale</c> (2); another
        /// number shows as that number. The number itself is <see cref="DisputeTypeCode"/>.
        /// </summary>
        public RefundDisputeType? DisputeType => (RefundDisputeType?)DisputeTypeCode;

        /// <summary>The dispute type as the API sends it (<c>disputeType</c>): 1 = in-sale, 2 = after-sale (upstream).</summary>
        public int? DisputeTypeCode { get; set; }

        /// <summary>
        /// What the buyer asks for (<c>disputeRequest</c>), by the names New-PandaponRefund takes: <c>Refund</c> (1)
        /// or <c>ReturnRefund</c> (2), an inferred mapping; another number shows as that number. The number itself
        /// is <see cref="DisputeRequestCode"/>.
        /// </summary>
        public RefundDisputeRequest? DisputeRequest => (RefundDisputeRequest?)DisputeRequestCode;

        /// <summary>The request as the API sends it (<c>disputeRequest</c>).</summary>
        public int? DisputeRequestCode { get; set; }

        /// <summary>
        /// Where the goods are (<c>goodsStatus</c>), by name: <c>BuyerNotReceived</c> (1), <c>BuyerReceived</c> (2) or
        /// <c>BuyerReturned</c> (3) (upstream); another number shows as that number. The number itself is
        /// <see cref="GoodsStatusCode"/>.
        /// </summary>
        public RefundGoodsStatus? GoodsStatus => (RefundGoodsStatus?)GoodsStatusCode;

        /// <summary>The goods' state as the API sends it (<c>goodsStatus</c>).</summary>
        public int? GoodsStatusCode { get; set; }

        /// <summary>True when the buyer wants money only, without returning goods (<c>onlyRefund</c>).</summary>
        public bool? OnlyRefund { get; set; }

        /// <summary>True when goods are to be returned (<c>refundGoods</c>).</summary>
        public bool? RefundGoods { get; set; }

        /// <summary>True when the buyer has received the goods (<c>goodsReceived</c>).</summary>
        public bool? GoodsReceived { get; set; }

        /// <summary>True when the buyer has sent the goods back (<c>buyerSendGoods</c>).</summary>
        public bool? BuyerSendGoods { get; set; }

        /// <summary>The logistics company the buyer returned the goods with (<c>buyerLogisticsName</c>).</summary>
        public string? BuyerLogisticsName { get; set; }

        /// <summary>The waybill number of the return shipment (<c>freightBill</c>).</summary>
        public string? FreightBill { get; set; }

        /// <summary>
        /// The order entries (lines) the refund covers (<c>orderEntryIdList</c>, which the API sends as text): a
        /// list of id strings whose <c>ToString()</c>, and so its CSV cell, is the ids joined with ";".
        /// </summary>
        public StringList OrderEntryIdList { get; set; } = StringList.Empty;

        /// <summary>
        /// The quantity refunded per order entry (<c>orderEntryCountMap</c>, which the API sends as text): a
        /// read-only dictionary from entry id to quantity whose <c>ToString()</c>, and so its CSV cell, is
        /// <c>id=quantity</c> pairs joined with ";".
        /// </summary>
        public OrderEntryCountMap OrderEntryCountMap { get; set; } = OrderEntryCountMap.Empty;

        /// <summary>The buyer's member id (<c>buyerMemberId</c>).</summary>
        public string? BuyerMemberId { get; set; }

        /// <summary>The buyer's user id (<c>buyerUserId</c>).</summary>
        public string? BuyerUserId { get; set; }

        /// <summary>The buyer's login id (<c>buyerLoginId</c>).</summary>
        public string? BuyerLoginId { get; set; }

        /// <summary>The buyer's Alipay id (<c>buyerAlipayId</c>).</summary>
        public string? BuyerAlipayId { get; set; }

        /// <summary>The seller's member id (<c>sellerMemberId</c>).</summary>
        public string? SellerMemberId { get; set; }

        /// <summary>The seller's user id (<c>sellerUserId</c>).</summary>
        public string? SellerUserId { get; set; }

        /// <summary>The seller's login id (<c>sellerLoginId</c>).</summary>
        public string? SellerLoginId { get; set; }

        /// <summary>The seller's Alipay id (<c>sellerAlipayId</c>).</summary>
        public string? SellerAlipayId { get; set; }

        /// <summary>The seller's contact name (<c>sellerRealName</c>).</summary>
        public string? SellerRealName { get; set; }

        /// <summary>The seller's mobile number (<c>sellerMobile</c>).</summary>
        public string? SellerMobile { get; set; }

        /// <summary>The seller's telephone number (<c>sellerTel</c>).</summary>
        public string? SellerTel { get; set; }

        /// <summary>The address the seller receives returns at (<c>sellerReceiveAddress</c>).</summary>
        public string? SellerReceiveAddress { get; set; }

        /// <summary>The order's Alipay payment id (<c>alipayPaymentId</c>).</summary>
        public string? AlipayPaymentId { get; set; }

        /// <summary>The channel the refund is paid out through (<c>disburseChannel</c>).</summary>
        public string? DisburseChannel { get; set; }

        /// <summary>The instant-refund type (<c>instantRefundType</c>).</summary>
        public string? InstantRefundType { get; set; }

        /// <summary>The order's trade type (<c>tradeTypeStr</c>).</summary>
        public string? TradeTypeStr { get; set; }

        /// <summary>The status of the refund's task (<c>taskStatus</c>).</summary>
        public string? TaskStatus { get; set; }

        /// <summary>What happens when the current step times out (<c>timeOutOperateType</c>).</summary>
        public string? TimeOutOperateType { get; set; }

        /// <summary>Extra information (<c>extInfo</c>); JSON text when the API sends an object.</summary>
        public string? ExtInfo { get; set; }

        /// <summary><c>crmModifyRefund</c>: the refund was modified through customer service.</summary>
        public bool? CrmModifyRefund { get; set; }

        /// <summary><c>insufficientAccount</c>: the seller's account could not cover the refund.</summary>
        public bool? InsufficientAccount { get; set; }

        /// <summary><c>insufficientBail</c>: the seller's deposit could not cover the refund.</summary>
        public bool? InsufficientBail { get; set; }

        /// <summary><c>newRefundReturn</c>: the refund follows the new return process.</summary>
        public bool? NewRefundReturn { get; set; }

        /// <summary><c>sellerDelayDisburse</c>: the seller's payout is delayed.</summary>
        public bool? SellerDelayDisburse { get; set; }

        /// <summary><c>supportNewSteppay</c>: the order supports the new staged payment.</summary>
        public bool? SupportNewSteppay { get; set; }

        /// <summary><c>timeOutFreeze</c>: the time-out is frozen.</summary>
        public bool? TimeOutFreeze { get; set; }

        /// <summary>PandaPon's own record id of the refund (<c>id</c>).</summary>
        public string? Id { get; set; }

        /// <summary>Who created PandaPon's record (<c>createBy</c>).</summary>
        public string? CreateBy { get; set; }

        /// <summary>The id of who created PandaPon's record (<c>createById</c>).</summary>
        public string? CreateById { get; set; }

        /// <summary>When PandaPon's record was created (<c>createTime</c>, sent as China time).</summary>
        public DateTimeOffset? CreateTime { get; set; }

        /// <summary>Who last updated PandaPon's record (<c>updateBy</c>).</summary>
        public string? UpdateBy { get; set; }

        /// <summary>The id of who last updated PandaPon's record (<c>updateById</c>).</summary>
        public string? UpdateById { get; set; }

        /// <summary>When PandaPon's record was last updated (<c>updateTime</c>, sent as China time).</summary>
        public DateTimeOffset? UpdateTime { get; set; }

        /// <summary>PandaPon's remark on the record (<c>remark</c>).</summary>
        public string? Remark { get; set; }

        /// <summary>
        /// The refund's history (<c>refundOperationList</c>, sent as an array or as text holding one): enumerates as
        /// <see cref="RefundOperation"/> rows, and its CSV cell reads like <c>2 operations, last: refundsuccess 2024-05-15 09:15</c>.
        /// </summary>
        public RefundOperationList RefundOperationList { get; set; } = RefundOperationList.Empty;

        /// <summary>
        /// The fields that could not be read, by name or path (<c>refundOperationList[1].gmtCreate</c>), each with the
        /// value as sent (shortened); those properties are empty. Empty when everything was read.
        /// </summary>
        public UnreadFields UnreadFields { get; } = new UnreadFields();

        string IHasUnreadFields.RecordLabel => "Refund " + (RefundId ?? RequestedRefundId ?? "without a refundId");

        /// <summary>The refund id, so that a refund in a string reads as its id.</summary>
        public override string ToString() => RefundId ?? RequestedRefundId ?? "";
    }
}
