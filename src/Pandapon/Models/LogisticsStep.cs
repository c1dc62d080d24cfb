using System;

namespace Pandapon.Models
{
    /// <summary>
    /// One tracking step of a parcel of a 1688 order (<c>logisticsTrace[].logisticsSteps[]</c>), flat for Export-Csv.
    /// <see cref="Time"/> is China time (the API sends <c>yyyy-MM-dd HH:mm:ss</c> without a zone).
    /// </summary>
    public sealed class LogisticsStep : IHasUnreadFields
    {
        /// <summary>The order (<c>orderId</c> of the waybill, else the one asked for).</summary>
        public string? OrderId { get; set; }

        /// <summary>The waybill number (<c>logisticsBillNo</c>).</summary>
        public string? WaybillNo { get; set; }

        /// <summary>The carrier (<c>logisticsCompanyName</c>), when the API names it.</summary>
        public string? CompanyName { get; set; }

        /// <summary>1688's id of the parcel (<c>logisticsId</c>).</summary>
        public string? LogisticsId { get; set; }

        /// <summary>When the step happened (<c>acceptTime</c>).</summary>
        public DateTimeOffset? Time { get; set; }

        /// <summary>What happened (<c>remark</c>).</summary>
        public string? Remark { get; set; }

        /// <summary>Fields of the step (or of its waybill) that could not be read, with the raw value.</summary>
        public UnreadFields UnreadFields { get; } = new UnreadFields();

        string IHasUnreadFields.RecordLabel => "Logistics step of order " + (OrderId ?? "(no id)") + (WaybillNo == null ? "" : ", waybill " + WaybillNo);
    }
}
