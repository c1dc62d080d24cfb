using Pandapon.Sandbox.Endpoints;
using Pandapon.Sandbox.Http;

namespace Pandapon.Sandbox.Taobao;

/// <summary><c>GET /v2/taobao/order/refund/query?refundId=</c>: one reverse order, the documented detail shape.</summary>
public sealed class TaobaoRefundQueryEndpoint(TaobaoRefundStore store)
{
    public const string Path = "/v2/taobao/order/refund/query";
    public const string Method = "GET";

    public ApiResult Handle(SignedRequest request)
    {
        long refundId;
        try
        {
            refundId = TaobaoRequestValues.RequiredId(request.Query["refundId"].FirstOrDefault(), "refundId");
        }
        catch (BodyException e)
        {
            return ApiError.InvalidRequest.With(e.Message);
        }
        TaobaoRefund? refund = store.Find(refundId);
        if (refund is null) return ApiError.TaobaoRefundNotFound.With(refundId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return ApiResult.Ok(TaobaoRefundJson.Detail(refund, store.DistributorId, TaobaoRequestValues.NowMs()));
    }
}
