using Pandapon.Sandbox.Data;
using Pandapon.Sandbox.Http;

namespace Pandapon.Sandbox.Endpoints;

/// <summary>
/// <c>GET /alibaba/order/logistics/trace?orderId=…&amp;webSite=1688</c>: the tracking steps of the order's parcels,
/// 1688's <c>logisticsTrace</c> shape. PandaPon's page for it exists but its path is not readable: this path is
/// inferred (docs/api-orders.md, "Logistics"). An order not shipped yet has an empty <c>logisticsTrace</c>.
/// </summary>
internal sealed class OrderLogisticsEndpoint(RefundStore store)
{
    public const string Path = "/alibaba/order/logistics/trace";
    public const string Method = "GET";

    public ApiResult Handle(SignedRequest request)
    {
        long orderId;
        try
        {
            orderId = OrderEndpoints.QueryOrderId(request.Query);
            OrderEndpoints.CheckWebSite(request.Query["webSite"].FirstOrDefault(), required: true);
        }
        catch (BodyException e)
        {
            return ApiError.InvalidRequest.With(e.Message);
        }
        return store.Update(changes =>
        {
            SandboxOrder? order = OrderEndpoints.Visible(changes.Orders.View(orderId));
            if (order is null) return OrderEndpoints.NotFound(orderId);
            return ApiResult.Ok(OrderLogistics.Trace(order, changes.Orders));
        });
    }
}
