using System.Text.Json;
using Pandapon.Sandbox.Callbacks;
using Pandapon.Sandbox.Data;
using Pandapon.Sandbox.Http;

namespace Pandapon.Sandbox.Endpoints;

/// <summary>
/// The unsigned, sandbox-only paths under /sandbox: ids and orders to test with, the seller's side of a refund
/// (which the API does not offer a buyer), and the counters. None of them is counted in the stats.
/// </summary>
public static class SandboxControlEndpoints
{
    private static readonly string[] Statuses =
    [
        RefundStatus.WaitSellerAgree, RefundStatus.WaitBuyerModify, RefundStatus.WaitBuyerSend, RefundStatus.WaitSellerReceive,
        RefundStatus.Success, RefundStatus.Close,
    ];

    internal static void Map(IEndpointRouteBuilder routes, RefundStore store, SandboxStats stats, IMessagePusher? pusher = null)
    {
        routes.MapGet("/sandbox/refunds", (HttpContext context) =>
        {
            string? status = context.Request.Query["status"].FirstOrDefault();
            if (string.IsNullOrEmpty(status)) return Json(context, store.IdsJson);
            if (Array.IndexOf(Statuses, status) < 0)
                return Problem(context, StatusCodes.Status400BadRequest, $"status '{Authenticator.Shorten(status)}' is not one of {string.Join(", ", Statuses)}");
            return Json(context, store.IdsJsonWithStatus(status));
        });
        routes.MapGet("/sandbox/orders", (HttpContext context) =>
            Json(context, store.Update(changes => OrderJson.List(changes.Orders.Fresh, changes.Find))));
        routes.MapPost("/sandbox/refunds/{refundId}/agree", (HttpContext context, string refundId) =>
        {
            var (status, body) = store.Update(changes => SellerAgrees(changes, refundId, pusher));
            context.Response.StatusCode = status;
            return Json(context, body);
        });
        routes.MapGet("/sandbox/stats", (HttpContext context) => Json(context, stats.ToJson()));
        routes.MapPost("/sandbox/stats/reset", (HttpContext context) =>
        {
            stats.Reset();
            return Json(context, stats.ToJson());
        });
    }

    /// <summary>The seller agrees to a refund waiting for it: a return waits for the goods, a refund only is paid.</summary>
    private static (int Status, byte[] Body) SellerAgrees(RefundStore.Changes changes, string refundId, IMessagePusher? pusher)
    {
        RefundRecord? refund = changes.Find(refundId);
        if (refund is null) return (StatusCodes.Status404NotFound, Error($"refund not found: {Authenticator.Shorten(refundId)}"));
        if (refund.Status != RefundStatus.WaitSellerAgree)
            return (StatusCodes.Status409Conflict, Error($"refund {refundId} is {refund.Status}; the seller can agree only while it is {RefundStatus.WaitSellerAgree}"));
        string address = (refund.OrderId is long orderId ? changes.Orders.Find(orderId)?.Seller.Address : null) ?? "浙江省金华市义乌市稠城街道商贸城1号";
        RefundWorkflow.SellerAgrees(refund, address, RefundWorkflow.BeijingNow());
        changes.Save(refund);
        pusher?.RefundAgreed(refund);
        return (StatusCodes.Status200OK, JsonSerializer.SerializeToUtf8Bytes(new { refundId, status = refund.Status }));
    }

    internal static byte[] Error(string message) => JsonSerializer.SerializeToUtf8Bytes(new { error = message });

    internal static Task Problem(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return Json(context, Error(message));
    }

    internal static Task Json(HttpContext context, byte[] json)
    {
        context.Response.ContentType = Envelope.JsonContentType;
        context.Response.ContentLength = json.Length;
        return context.Response.Body.WriteAsync(json).AsTask();
    }
}
