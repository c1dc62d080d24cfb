using System.Globalization;
using Pandapon.Sandbox.Data;
using Pandapon.Sandbox.Http;

namespace Pandapon.Sandbox.Endpoints;

/// <summary>
/// <c>POST /alibaba/order/detail</c> with <c>{"webSite":"1688","orderId":"…"}</c>: one of the sandbox's orders in the
/// shape of 1688's buyer view. An order bought by another account is not found, as for a buyer who cannot see it.
/// </summary>
internal sealed class OrderDetailEndpoint(RefundStore store)
{
    public const string Path = "/alibaba/order/detail";
    public const string Method = "POST";

    public ApiResult Handle(SignedRequest request)
    {
        long orderId;
        try
        {
            using var json = JsonBody.Parse(request.Body);
            string webSite = json.Text("webSite", required: true)!;
            if (webSite != "1688") throw new BodyException($"webSite must be 1688 (the sandbox has no {Authenticator.Shorten(webSite)} orders)");
            orderId = json.Long("orderId", required: true)!.Value;
        }
        catch (BodyException e)
        {
            return ApiError.InvalidRequest.With(e.Message);
        }

        return store.Update(changes =>
        {
            SandboxOrder? order = changes.Orders.View(orderId);
            if (order is null || order.ForeignBuyer) return ApiError.OrderNotFound.With(orderId.ToString(CultureInfo.InvariantCulture));
            return ApiResult.Ok(OrderJson.BuyerView(order, changes.Find));
        });
    }
}
