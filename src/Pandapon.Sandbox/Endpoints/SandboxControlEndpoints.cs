using Pandapon.Sandbox.Data;
using Pandapon.Sandbox.Http;

namespace Pandapon.Sandbox.Endpoints;

/// <summary>The unsigned, sandbox-only paths under /sandbox: ids to test with, and the counters.</summary>
public static class SandboxControlEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, RefundStore store, SandboxStats stats)
    {
        routes.MapGet("/sandbox/refunds", (HttpContext context) => Json(context, store.IdsJson));
        routes.MapGet("/sandbox/stats", (HttpContext context) => Json(context, stats.ToJson()));
        routes.MapPost("/sandbox/stats/reset", (HttpContext context) =>
        {
            stats.Reset();
            return Json(context, stats.ToJson());
        });
    }

    private static Task Json(HttpContext context, byte[] json)
    {
        context.Response.ContentType = Envelope.JsonContentType;
        context.Response.ContentLength = json.Length;
        return context.Response.Body.WriteAsync(json).AsTask();
    }
}
