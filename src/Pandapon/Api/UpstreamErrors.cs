using System.Collections.Generic;

namespace Pandapon.Api
{
    /// <summary>
    /// What to do about the business codes that 1688 returns through PandaPon for the after-sales write endpoints
    /// (pandapon-api.md §3a). The codes only mean something for their endpoint, so the hints are keyed by both.
    /// Invoke-PandaponRequest gets the same hints as the typed cmdlets: the key is the request, not the cmdlet.
    /// </summary>
    internal static class UpstreamErrors
    {
        private static readonly Dictionary<string, Dictionary<int, string>> Hints = new Dictionary<string, Dictionary<int, string>>
        {
            ["POST " + RefundApplication.Path] = new Dictionary<int, string>
            {
                [5001] = "Check -OrderId: 1688 has no such order for this account.",
                [5002] = "The order was bought by another 1688 account: use the credentials (-UserId, -ProfileName) of the account that bought it.",
                [5003] = "Choose -GoodsStatus to match the order: refundWaitSellerSend before the seller ships; refundWaitBuyerReceive or refundBuyerReceived while the trade is open; aftersaleBuyerNotReceived or aftersaleBuyerReceived after it is confirmed. -DisputeRequest ReturnRefund needs goods that were received.",
                [5004] = "Use a reason id that the refund-reasons endpoint returns for this order, these entries and this goods status (see Invoke-PandaponRequest's help, example 3).",
                [5005] = "This reason needs evidence: upload images and pass their URLs with -Voucher (1 to 5).",
                [5006] = "This reason does not refund freight: set -ApplyCarriage 0.",
                [5010] = "The order or an entry cannot be refunded now (not paid, closed, or a refund is already open or done): check the order detail's productItems.refundStatus.",
                [5011] = "Check -ApplyPayment and -ApplyCarriage: the amount may not exceed what was paid for the entries (and must equal it while the seller has not shipped); freight may not exceed the order's shipping fee.",
                [5012] = "-Description must be 2 to 150 characters.",
                [5013] = "Check -OrderEntryCount: quantities only for a return of received goods (-DisputeRequest ReturnRefund, -GoodsStatus refundBuyerReceived), each from 1 to the quantity bought.",
            },
            ["POST " + ReturnShipment.Path] = new Dictionary<int, string>
            {
                [4002] = "Give both -LogisticsCompanyNo (the carrier's companyNo from the logistics-company list, for example ZTO) and -FreightBill (the waybill number).",
                [4004] = "Check -FreightBill: 1688 checks the waybill number against the carrier in -LogisticsCompanyNo.",
                [4005] = "Check -RefundId: there is no such refund for this account (read it with /alibaba/refund/info to see).",
                [4007] = "Goods can be shipped back only while the refund's status is waitbuyersend (the seller agreed to the return): read the refund to see its status. A shipment already submitted shows as waitsellerreceive.",
            },
        };

        /// <summary>The hint for <paramref name="code"/> returned by <paramref name="operation"/> ("POST /path"), or null.</summary>
        public static string? HintFor(string operation, int? code)
        {
            if (code is int c && Hints.TryGetValue(operation, out Dictionary<int, string>? byCode) && byCode.TryGetValue(c, out string? hint)) return hint;
            return null;
        }
    }
}
