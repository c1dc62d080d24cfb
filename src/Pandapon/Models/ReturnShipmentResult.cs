namespace Pandapon.Models
{
    /// <summary>
    /// What Submit-PandaponReturnShipment returns: the return shipment PandaPon accepted for a refund. Flat, for
    /// Export-Csv; <see cref="Vouchers"/> is one cell with the URLs joined by ";".
    /// </summary>
    public sealed class ReturnShipmentResult
    {
        /// <summary>The refund the goods were sent back for (<c>refundId</c>).</summary>
        public string RefundId { get; set; } = "";

        /// <summary>The carrier's code (<c>logisticsCompanyNo</c>), e.g. ZTO.</summary>
        public string LogisticsCompanyNo { get; set; } = "";

        /// <summary>The waybill number (<c>freightBill</c>).</summary>
        public string FreightBill { get; set; } = "";

        /// <summary>The note sent with the shipment (<c>description</c>), if any.</summary>
        public string? Description { get; set; }

        /// <summary>The voucher URLs sent (<c>vouchers</c>).</summary>
        public StringList Vouchers { get; set; } = StringList.Empty;

        /// <summary>The <c>requestId</c> of the answer, to quote to PandaPon support.</summary>
        public string? RequestId { get; set; }

        public override string ToString() => RefundId + " " + LogisticsCompanyNo + " " + FreightBill;
    }
}
