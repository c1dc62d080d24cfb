using System;
using System.Globalization;

namespace Pandapon.Models
{
    /// <summary>
    /// One step in a refund's history (an item of the API's <c>refundOperationList</c>). Properties carry the
    /// API's names in PascalCase; <c>logisticsCompany</c> is flattened into <see cref="LogisticsCompanyName"/>
    /// and <see cref="LogisticsCompanyNo"/> so that a row of history is one flat CSV row.
    /// </summary>
    public sealed class RefundOperation
    {
        /// <summary>The refund status the operation started from (<c>beforeOperateStatus</c>), e.g. <c>waitselleragree</c>.</summary>
        public string? BeforeOperateStatus { get; set; }

        /// <summary>The refund status the operation led to (<c>afterOperateStatus</c>), e.g. <c>refundsuccess</c>.</summary>
        public string? AfterOperateStatus { get; set; }

        /// <summary>When the operation happened (<c>gmtCreate</c>), China time (+08:00) unless the API says otherwise.</summary>
        public DateTimeOffset? GmtCreate { get; set; }

        /// <summary>The kind of operation, the API's code (<c>operateTypeInt</c>).</summary>
        public int? OperateTypeInt { get; set; }

        /// <summary>What happened, in the platform's words (<c>operateRemark</c>), e.g. "买家申请退款协议，等待卖家确认".</summary>
        public string? OperateRemark { get; set; }

        /// <summary>
        /// The description the operator wrote. The API spells the field <c>discription</c>; the property keeps that
        /// spelling so that the API documents find it (a field sent as <c>description</c> is read into it too).
        /// </summary>
        public string? Discription { get; set; }

        /// <summary>Who acted (<c>operatorRoleId</c>): a role code, 1 = buyer and 2 = seller in the 1688 documents.</summary>
        public int? OperatorRoleId { get; set; }

        /// <summary>The operator's login id (<c>operatorLoginId</c>).</summary>
        public string? OperatorLoginId { get; set; }

        /// <summary>The operator's user id (<c>operatorUserId</c>), a string: ids are long numbers.</summary>
        public string? OperatorUserId { get; set; }

        /// <summary>The waybill number of a return shipment (<c>freightBill</c>).</summary>
        public string? FreightBill { get; set; }

        /// <summary>The logistics company's name (<c>logisticsCompany.companyName</c>).</summary>
        public string? LogisticsCompanyName { get; set; }

        /// <summary>The logistics company's code (<c>logisticsCompany.companyNo</c>).</summary>
        public string? LogisticsCompanyNo { get; set; }

        /// <summary>The address goods are to be returned to (<c>refundAddress</c>).</summary>
        public string? RefundAddress { get; set; }

        /// <summary>The seller's reason for a rejection (<c>rejectReason</c>).</summary>
        public string? RejectReason { get; set; }

        /// <summary>The message type code (<c>msgType</c>).</summary>
        public int? MsgType { get; set; }

        /// <summary>The message status code (<c>messageStatus</c>).</summary>
        public int? MessageStatus { get; set; }

        /// <summary>
        /// Evidence image URLs (<c>vouchers</c>), a list like <see cref="Refund.OrderEntryIdList"/>: it enumerates
        /// as strings, and its CSV cell is the URLs joined with ";". Empty when there are none.
        /// </summary>
        public StringList Vouchers { get; set; } = StringList.Empty;

        /// <summary>e.g. <c>2024-05-15 09:15 waitsellerreceive -> refundsuccess</c>: how a history item reads in a list.</summary>
        public override string ToString()
        {
            string when = GmtCreate.HasValue ? GmtCreate.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " : "";
            string change = BeforeOperateStatus != null && AfterOperateStatus != null
                ? BeforeOperateStatus + " -> " + AfterOperateStatus
                : AfterOperateStatus ?? OperateRemark ?? "";
            return (when + change).Trim();
        }
    }
}
