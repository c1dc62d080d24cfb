using System.Text.RegularExpressions;
using Pandapon.Sandbox.Callbacks;
using Pandapon.Sandbox.Data;
using Pandapon.Sandbox.Http;

namespace Pandapon.Sandbox.Endpoints;

/// <summary>
/// <c>POST /alibaba/refund/goods/return</c>: the buyer's return shipment. With 1688's codes: 4002 carrier or waybill
/// missing (or a carrier it does not know), 4004 a waybill that does not fit the carrier, 4005 no such refund, 4007 a
/// refund not waiting for the goods (status other than waitbuyersend). Success moves the refund to waitsellerreceive
/// with the shipment as its newest operation, and answers 1688's <c>{"success":true,"errorCode":"","errorInfo":""}</c>.
/// </summary>
internal sealed partial class ReturnShipmentEndpoint(RefundStore store, IMessagePusher? pusher = null)
{
    public const string Path = "/alibaba/refund/goods/return";
    public const string Method = "POST";
    public const int MaxVouchers = 10;

    private static readonly byte[] Success = """{"success":true,"errorCode":"","errorInfo":""}"""u8.ToArray();

    /// <summary>The carriers the sandbox knows: the generator's, plus two more that 1688 lists.</summary>
    internal static readonly (long Id, string Name, string No, string? Phone)[] Companies =
        [.. Vocabulary.LogisticsCompanies, (9, "EMS", "EMS", "11183"), (10, "百世快递", "HTKY", "95320")];

    public ApiResult Handle(SignedRequest request)
    {
        string refundId, company, bill;
        string? description;
        List<string> vouchers;
        try
        {
            using var json = JsonBody.Parse(request.Body);
            refundId = json.Text("refundId") is { Length: > 0 } id ? id.Trim() : throw new BodyException("refundId is required");
            company = (json.Text("logisticsCompanyNo") ?? "").Trim();
            bill = (json.Text("freightBill") ?? "").Trim();
            description = json.Text("description");
            vouchers = json.Texts("vouchers");
            if (vouchers.Count > MaxVouchers) throw new BodyException($"vouchers: at most {MaxVouchers}, not {vouchers.Count}");
        }
        catch (BodyException e)
        {
            return ApiError.InvalidRequest.With(e.Message);
        }

        if (company.Length == 0 || bill.Length == 0) return Reject(4002, company.Length == 0 ? "物流公司编码不能为空" : "运单号不能为空");
        int known = Array.FindIndex(Companies, c => c.No == company);
        if (known < 0) return Reject(4002, $"物流公司不存在: {Authenticator.Shorten(company)}");
        var carrier = Companies[known];
        if (!WaybillFits(carrier.No, bill)) return Reject(4004, $"运单号校验失败: {Authenticator.Shorten(bill)} 不是{carrier.Name}的运单号");

        return store.Update(changes =>
        {
            RefundRecord? refund = changes.Find(refundId);
            if (refund is null) return Reject(4005, $"退款单不存在: {Authenticator.Shorten(refundId)}");
            if (refund.Status != RefundStatus.WaitBuyerSend) return Reject(4007, $"当前退款状态不允许退货: {refund.Status}");
            RefundWorkflow.ShipBack(refund, carrier, bill, description, vouchers, RefundWorkflow.BeijingNow());
            changes.Save(refund);
            pusher?.RefundShippedBack(refund);
            return ApiResult.Ok(Success);
        });
    }

    /// <summary>The waybill forms of the carriers, as the generator writes them (the sandbox's stand-in for 1688's check).</summary>
    internal static bool WaybillFits(string companyNo, string bill) => companyNo switch
    {
        "SF" => SfBill().IsMatch(bill),
        "YTO" => YtoBill().IsMatch(bill),
        "JTSD" => JtBill().IsMatch(bill),
        "DBKD" => Deppon().IsMatch(bill),
        "YZXB" => PostBill().IsMatch(bill),
        "OTHER" => OtherBill().IsMatch(bill),
        _ => DigitsBill().IsMatch(bill),
    };

    [GeneratedRegex("^SF[0-9]{12,13}$")] private static partial Regex SfBill();
    [GeneratedRegex("^YT[0-9]{13}$")] private static partial Regex YtoBill();
    [GeneratedRegex("^JT[0-9]{13}$")] private static partial Regex JtBill();
    [GeneratedRegex("^DPK[0-9]{12}$")] private static partial Regex Deppon();
    [GeneratedRegex("^[0-9]{11,13}$")] private static partial Regex PostBill();
    [GeneratedRegex("^[A-Za-z0-9]{6,30}$")] private static partial Regex OtherBill();
    [GeneratedRegex("^[0-9]{12,15}$")] private static partial Regex DigitsBill();

    private static ApiResult Reject(int code, string msg) => ApiError.ReturnShipmentRejected.Upstream(code, msg);
}
