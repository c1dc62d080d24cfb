using System.Globalization;
using Microsoft.AspNetCore.Http;
using Pandapon.Sandbox.Data;
using Pandapon.Sandbox.Http;

namespace Pandapon.Sandbox.Endpoints;

/// <summary>
/// The 1688 order endpoints beyond the detail (docs/api-orders.md): the order page, the logistics trace, cancel,
/// receive goods and the pay URL. Mapped here together, so Program.cs and the stats list name them once.
/// </summary>
internal static class OrderEndpoints
{
    public static readonly string[] Paths =
        [OrderPageEndpoint.Path, OrderLogisticsEndpoint.Path, OrderCancelEndpoint.Path, OrderReceiveGoodsEndpoint.Path, OrderPayUrlEndpoint.Path];

    public static void Map(IEndpointRouteBuilder app, SignedGateway gateway, RefundStore store, SandboxOptions options)
    {
        gateway.Map(app, OrderPageEndpoint.Method, OrderPageEndpoint.Path, new OrderPageEndpoint(store, options.OrderPageShape).Handle);
        gateway.Map(app, OrderLogisticsEndpoint.Method, OrderLogisticsEndpoint.Path, new OrderLogisticsEndpoint(store).Handle);
        gateway.Map(app, OrderCancelEndpoint.Method, OrderCancelEndpoint.Path, new OrderCancelEndpoint(store).Handle);
        gateway.Map(app, OrderReceiveGoodsEndpoint.Method, OrderReceiveGoodsEndpoint.Path, new OrderReceiveGoodsEndpoint(store).Handle);
        gateway.Map(app, OrderPayUrlEndpoint.Method, OrderPayUrlEndpoint.Path, new OrderPayUrlEndpoint(store).Handle);
    }

    /// <summary>A whole-number order id from the query string, or a <see cref="BodyException"/> naming the field.</summary>
    public static long QueryOrderId(IQueryCollection query)
    {
        string? text = query["orderId"].FirstOrDefault();
        if (string.IsNullOrEmpty(text)) throw new BodyException("orderId is required (in the query string)");
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long orderId))
            throw new BodyException($"orderId must be a whole number (a 64-bit integer), not {Authenticator.Shorten(text)}");
        return orderId;
    }

    /// <summary>The sandbox has 1688 orders only: <c>webSite</c> must be "1688" (absent is refused when <paramref name="required"/>).</summary>
    public static void CheckWebSite(string? webSite, bool required)
    {
        if (webSite is null && !required) return;
        if (webSite is null) throw new BodyException("webSite is required");
        if (webSite != "1688") throw new BodyException($"webSite must be 1688 (the sandbox has no {Authenticator.Shorten(webSite)} orders)");
    }

    public static ApiFailure NotFound(long orderId) => ApiError.OrderNotFound.With(orderId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The caller's order (null for an unknown one or one bought by another account, which the caller cannot see).</summary>
    public static SandboxOrder? Visible(SandboxOrder? order) => order is { ForeignBuyer: false } ? order : null;
}
