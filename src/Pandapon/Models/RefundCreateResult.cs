namespace Pandapon.Models
{
    /// <summary>
    /// What New-PandaponRefund returns: the id of the refund PandaPon opened and what was asked for. Flat, so a bulk
    /// run goes straight into Export-Csv; pipe it to Submit-PandaponReturnShipment or Get-PandaponRefund by
    /// <see cref="RefundId"/>.
    /// </summary>
    public sealed class RefundCreateResult
    {
        /// <summary>The new refund's id (<c>refundId</c>), "TQ" and digits.</summary>
        public string RefundId { get; set; } = "";

        /// <summary>The 1688 order (<c>orderId</c>), a string: the id has 19 digits.</summary>
        public string OrderId { get; set; } = "";

        /// <summary>The order entries the refund covers (<c>orderEntryIds</c>).</summary>
        public StringList OrderEntryIdList { get; set; } = StringList.Empty;

        /// <summary>Refund only, or return and refund.</summary>
        public RefundDisputeRequest DisputeRequest { get; set; }

        /// <summary>The amount applied for, in yuan (CNY); sent as fen.</summary>
        public decimal ApplyPayment { get; set; }

        /// <summary>The freight applied for, in yuan (CNY); sent as fen.</summary>
        public decimal ApplyCarriage { get; set; }

        /// <summary>The currency of the amounts: always "CNY".</summary>
        public string Currency => "CNY";

        /// <summary>The goods status sent (<c>goodsStatus</c>), e.g. refundWaitBuyerReceive.</summary>
        public string GoodsStatus { get; set; } = "";

        /// <summary>The <c>requestId</c> of the answer, to quote to PandaPon support.</summary>
        public string? RequestId { get; set; }

        public override string ToString() => RefundId;
    }
}
