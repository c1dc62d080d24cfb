using System.Collections.Generic;
using Pandapon.Client;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Endpoints
{
    /// <summary>
    /// <c>POST /alibaba/refund/goods/return</c>: the buyer's return shipment for a 1688 refund, the carrier and the
    /// waybill of the goods sent back (docs/api.md, "Return shipment"). An instance is a shipment checked before
    /// anything is sent (<see cref="Check"/>).
    /// </summary>
    public sealed class ReturnShipmentEndpoint
    {
        public const string Method = "POST";
        public const string Path = "/alibaba/refund/goods/return";

        /// <summary>Changes the refund: never sent twice by itself.</summary>
        public const bool Idempotent = false;

        public const int MaxVouchers = 10;

        /// <summary>Longest carrier code and waybill accepted before sending (1688's own checks happen on the server).</summary>
        public const int MaxCodeLength = 50;

        /// <summary>Longest shipment note sent (docs/api.md, "Return shipment": no documented limit, our choice).</summary>
        public const int MaxDescriptionLength = 200;

        private ReturnShipmentEndpoint(string refundId, string logisticsCompanyNo, string freightBill, string? description, IReadOnlyList<string> vouchers)
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

        private ParameterNames _names = ParameterNames.ApiFields;

        /// <summary>Checks every value (messages name each by <paramref name="names"/>, asked by the API field) and builds the shipment.</summary>
        public static ReturnShipmentEndpoint Check(ParameterNames names, string? refundId, string? logisticsCompanyNo, string? freightBill, string? description = null,
            IEnumerable<string?>? vouchers = null)
        {
            string refund = InputCheck.RefundId(refundId, names["refundId"]);
            string company = InputCheck.Code(logisticsCompanyNo, names["logisticsCompanyNo"], "a carrier's companyNo (for example ZTO)", MaxCodeLength);
            string bill = InputCheck.Code(freightBill, names["freightBill"], "a waybill number", MaxCodeLength);
            List<string> urls = InputCheck.Urls(vouchers, names["vouchers"], MaxVouchers);
            string? note = string.IsNullOrWhiteSpace(description) ? null : InputCheck.Text(description, names["description"], 0, MaxDescriptionLength);
            return new ReturnShipmentEndpoint(refund, company, bill, note, urls) { _names = names };
        }

        /// <summary>What to do about 1688's codes 4002 to 4007 for this endpoint (docs/api.md, "Return shipment").</summary>
        public static IReadOnlyDictionary<int, string> Hints(ParameterNames names) => new Dictionary<int, string>
        {
            [4002] = $"Give both {names["logisticsCompanyNo"]} (the carrier's companyNo from the logistics-company list, for example ZTO) and {names["freightBill"]} (the waybill number).",
            [4004] = $"Check {names["freightBill"]}: 1688 checks the waybill number against the carrier in {names["logisticsCompanyNo"]}.",
            [4005] = $"Check {names["refundId"]}: there is no such refund for this account (read it with {RefundInfoEndpoint.Path} to see).",
            [4007] = "Goods can be shipped back only while the refund's status is waitbuyersend (the seller agreed to the return): read the refund to see its status. A shipment already submitted shows as waitsellerreceive.",
        };

        /// <summary><c>{"refundId","logisticsCompanyNo","freightBill","description","vouchers"}</c>; a missing description and empty vouchers are left out.</summary>
        public string Body() => JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("refundId", RefundId);
            w.WriteString("logisticsCompanyNo", LogisticsCompanyNo);
            w.WriteString("freightBill", FreightBill);
            if (Description != null) w.WriteString("description", Description);
            JsonText.WriteStringArrayUnlessEmpty(w, "vouchers", Vouchers);
            w.WriteEndObject();
        });

        /// <summary>The request, with this endpoint's hints for 1688's codes.</summary>
        public ApiRequest Request() => new ApiRequest(Method, Path) { Body = Body(), Idempotent = Idempotent, UpstreamHints = Hints(_names) };

        /// <summary>What was submitted, once the API accepted it.</summary>
        public ReturnShipmentResult Read(ApiResponse response) => new ReturnShipmentResult
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
