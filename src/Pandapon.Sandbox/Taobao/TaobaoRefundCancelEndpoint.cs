using System.Globalization;
using Pandapon.Sandbox.Endpoints;
using Pandapon.Sandbox.Http;

namespace Pandapon.Sandbox.Taobao;

/// <summary>
/// <c>GET /open/order/refund/cancel/{refundId}</c>: the buyer withdraws a reverse order. Allowed only while it is Applied
/// (10) or SellerAgreed (20): then <c>cancelSuccess</c> is true and the record is Closed (-20) from now on. Otherwise the
/// answer is still a success envelope, with <c>cancelSuccess</c> false and the reason in <c>cancelFailReason</c>.
/// </summary>
public sealed class TaobaoRefundCancelEndpoint(TaobaoRefundStore store)
{
    public const string PathPrefix = "/open/order/refund/cancel/";
    public const string Path = PathPrefix + "{refundId}";
    public const string Method = "GET";

    public ApiResult Handle(SignedRequest request)
    {
        long refundId;
        try
        {
            refundId = TaobaoRequestValues.RequiredId(request.Path[PathPrefix.Length..], "refundId");
        }
        catch (BodyException e)
        {
            return ApiError.InvalidRequest.With(e.Message);
        }
        long now = TaobaoRequestValues.NowMs();
        var (outcome, refund, reason) = store.Cancel(refundId, now);
        if (outcome == CancelOutcome.NotFound) return ApiError.TaobaoRefundNotFound.With(refundId.ToString(CultureInfo.InvariantCulture));
        return ApiResult.Ok(TaobaoRefundJson.Cancel(refund!, store.DistributorId, now, outcome == CancelOutcome.Cancelled, reason));
    }
}
