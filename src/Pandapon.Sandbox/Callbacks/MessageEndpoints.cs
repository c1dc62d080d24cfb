using System.Text.Json;
using Pandapon.Sandbox.Http;

namespace Pandapon.Sandbox.Callbacks;

/// <summary>
/// The unsigned control paths of the pushes: <c>GET /sandbox/messages</c> (what was pushed and acknowledged) and
/// <c>POST /sandbox/messages/burst</c> (a load test: count, rate per second, seed).
/// </summary>
internal static class MessageEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, MessagePusher pusher, CancellationToken stopping)
    {
        routes.MapGet("/sandbox/messages", (HttpContext context) => Json(context, 200, pusher.ListJson()));
        routes.MapPost("/sandbox/messages/burst", async Task (HttpContext context) =>
        {
            if (!pusher.HasCallbackUrl)
            {
                await Json(context, 409, Error("the sandbox was started without --callback-url: there is nowhere to push"));
                return;
            }
            var (count, rate, seed, problem) = await ReadBurstAsync(context.Request.Body);
            if (problem is not null)
            {
                await Json(context, 400, Error(problem));
                return;
            }
            int first = pusher.Count;
            MessageBurst.Start(pusher, count, rate, seed, stopping);
            await Json(context, 202, JsonSerializer.SerializeToUtf8Bytes(new { count, rate, seed, firstSequence = first }));
        });
    }

    private static async Task<(int Count, int Rate, long Seed, string? Problem)> ReadBurstAsync(Stream body)
    {
        int count = 100, rate = 200;
        long seed = 1;
        const string Shape = "the body is a JSON object {count, rate, seed}";
        try
        {
            using var document = await JsonDocument.ParseAsync(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (0, 0, 0, Shape);
            if (root.TryGetProperty("count", out var c) && (!c.TryGetInt32(out count) || count < 1 || count > MessageBurst.MaxCount))
                return (0, 0, 0, $"count is a whole number from 1 to {MessageBurst.MaxCount}");
            if (root.TryGetProperty("rate", out var r) && (!r.TryGetInt32(out rate) || rate < 1 || rate > MessageBurst.MaxRate))
                return (0, 0, 0, $"rate is messages per second, a whole number from 1 to {MessageBurst.MaxRate}");
            if (root.TryGetProperty("seed", out var s) && !s.TryGetInt64(out seed))
                return (0, 0, 0, "seed is a 64-bit whole number");
        }
        catch (JsonException)
        {
            return (0, 0, 0, Shape);
        }
        return (count, rate, seed, null);
    }

    private static byte[] Error(string message) => JsonSerializer.SerializeToUtf8Bytes(new { error = message });

    private static Task Json(HttpContext context, int status, byte[] json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = Envelope.JsonContentType;
        context.Response.ContentLength = json.Length;
        return context.Response.Body.WriteAsync(json).AsTask();
    }
}
