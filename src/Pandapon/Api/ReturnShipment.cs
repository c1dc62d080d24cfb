using System.Collections.Generic;
using Pandapon.Models;

namespace Pandapon.Api
{
    /// <summary>
    /// The buyer's return shipment for a 1688 refund (<c>POST /alibaba/refund/goods/return</c>): the carrier and the
    /// waybill of the goods sent back, checked before anything is sent.
    /// </summary>
    public sealed class ReturnShipment
    {
        public const string Path = "/alibaba/refund/goods/return";
        public const int MaxVouchers = 10;

        /// <summary>Longest carrier code and waybill accepted before sending (1688's own checks happen on the server).</summary>
        public const int MaxCodeLength = 50;

        private ReturnShipment(string refundId, string logisticsCompanyNo, string freightBill, string? description, IReadOnlyList<string> vouchers)
        {
            RefundId = refundId;
            LogisticsCompanyNo = logisticsCompanyNo;
            FreightBill = freightBill;
            Description = description;
            Vouchers = vouchers;
        }

        public string RefundId { get; }
        public string LogisticsCompanyNo { get; }
        public string FreightBill { get; }
        public string? Description { get; }
        public IReadOnlyList<string> Vouchers { get; }

        /// <summary>Checks every value (messages name -RefundId, -LogisticsCompanyNo, ...) and builds the shipment.</summary>
        public static ReturnShipment Create(string? refundId, string? logisticsCompanyNo, string? freightBill, string? description = null,
            IEnumerable<string?>? vouchers = null)
        {
            string refund = RequestValues.RefundId(refundId, "-RefundId");
            string company = RequestValues.Code(logisticsCompanyNo, "-LogisticsCompanyNo", "a carrier's companyNo (for example ZTO)", MaxCodeLength);
            string bill = RequestValues.Code(freightBill, "-FreightBill", "a waybill number", MaxCodeLength);
            List<string> urls = RequestValues.Urls(vouchers, "-Voucher", MaxVouchers);
            return new ReturnShipment(refund, company, bill, string.IsNullOrWhiteSpace(description) ? null : description, urls);
        }

        /// <summary><c>{"refundId","logisticsCompanyNo","freightBill","description","vouchers"}</c>; a missing description and empty vouchers are left out.</summary>
        public string ToJson() => JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("refundId", RefundId);
            w.WriteString("logisticsCompanyNo", LogisticsCompanyNo);
            w.WriteString("freightBill", FreightBill);
            if (Description != null) w.WriteString("description", Description);
            JsonText.WriteStringArrayUnlessEmpty(w, "vouchers", Vouchers);
            w.WriteEndObject();
        });

        /// <summary>The request: a POST that is not retried automatically (it changes the refund).</summary>
        public ApiRequest ToRequest() => new ApiRequest("POST", Path) { Body = ToJson(), Idempotent = false };

        /// <summary>What was submitted, once the API accepted it.</summary>
        public ReturnShipmentResult ReadResult(ApiResponse response) => new ReturnShipmentResult
        {
            RefundId = RefundId,
            LogisticsCompanyNo = LogisticsCompanyNo,
            FreightBill = FreightBill,
            Description = Description,
            Vouchers = new StringList(Vouchers),
            RequestId = response.RequestId,
        };
    }
}
