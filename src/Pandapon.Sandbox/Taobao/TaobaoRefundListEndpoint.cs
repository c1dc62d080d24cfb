using Pandapon.Sandbox.Endpoints;
using Pandapon.Sandbox.Http;

namespace Pandapon.Sandbox.Taobao;

/// <summary>
/// <c>POST /open/order/refund/queryList</c>: the reverse orders, filtered and paged. Body (documented): <c>refundId</c>,
/// <c>purchaseOrderId</c>, <c>salesOrderId</c> (numeric ids, as numbers or strings; blank = any), <c>refundStatus</c> (an
/// integer), <c>refundStartTime</c>/<c>refundEndTime</c> (epoch ms, inclusive, on the reverse order's <c>gmtCreate</c>),
/// <c>pageNo</c> (from 1) and <c>pageSize</c> (1 to 100), both required. The answer is PandaPon's paging envelope with rows
/// in the shape of <c>--taobao-list-shape</c>.
/// </summary>
public sealed class TaobaoRefundListEndpoint(TaobaoRefundStore store, TaobaoListShape shape)
{
    public const string Path = "/open/order/refund/queryList";
    public const string Method = "POST";
    public const int MaxPageSize = 100;

    public ApiResult Handle(SignedRequest request)
    {
        TaobaoFilter filter;
        int pageNo, pageSize;
        try
        {
            using var json = JsonBody.Parse(request.Body);
            filter = new TaobaoFilter(
                TaobaoRequestValues.OptionalId(json, "refundId"),
                TaobaoRequestValues.OptionalId(json, "purchaseOrderId"),
                TaobaoRequestValues.OptionalId(json, "salesOrderId"),
                (int?)TaobaoRequestValues.Number(json, "refundStatus", int.MinValue, int.MaxValue),
                TaobaoRequestValues.Number(json, "refundStartTime", 0, long.MaxValue),
                TaobaoRequestValues.Number(json, "refundEndTime", 0, long.MaxValue));
            pageNo = (int)TaobaoRequestValues.Number(json, "pageNo", 1, int.MaxValue, required: true)!.Value;
            pageSize = (int)TaobaoRequestValues.Number(json, "pageSize", 1, MaxPageSize, required: true)!.Value;
            if (filter.CreatedFrom > filter.CreatedTo)
                throw new BodyException($"refundStartTime {filter.CreatedFrom} is after refundEndTime {filter.CreatedTo}");
        }
        catch (BodyException e)
        {
            return ApiError.InvalidRequest.With(e.Message);
        }
        var (total, rows) = store.Query(filter, pageNo, pageSize);
        return ApiResult.Ok(TaobaoRefundJson.Page(rows, total, pageNo, pageSize, shape, TaobaoRequestValues.NowMs()));
    }
}
