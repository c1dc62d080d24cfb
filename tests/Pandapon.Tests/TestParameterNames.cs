using System.Collections.Generic;
using Pandapon.Values;

namespace Pandapon.Tests;

/// <summary>
/// The write cmdlets' parameter names by API field, as the cmdlets pass them (xunit cannot load the cmdlet classes:
/// System.Management.Automation is not there). Pester checks that the cmdlets' own names give the same messages.
/// </summary>
internal static class TestParameterNames
{
    public static readonly ParameterNames RefundCreate = new(new Dictionary<string, string>
    {
        ["orderId"] = "-OrderId", ["orderEntryIds"] = "-OrderEntryId", ["disputeRequest"] = "-DisputeRequest",
        ["applyPayment"] = "-ApplyPayment", ["applyCarriage"] = "-ApplyCarriage", ["applyReasonId"] = "-ReasonId",
        ["description"] = "-Description", ["goodsStatus"] = "-GoodsStatus", ["vouchers"] = "-Voucher",
        ["orderEntryCountList"] = "-OrderEntryCount", ["user-id"] = "-UserId", ["profile"] = "-ProfileName",
    });

    public static readonly ParameterNames ReturnShipment = new(new Dictionary<string, string>
    {
        ["refundId"] = "-RefundId", ["logisticsCompanyNo"] = "-LogisticsCompanyNo", ["freightBill"] = "-FreightBill", ["vouchers"] = "-Voucher",
    });
}
