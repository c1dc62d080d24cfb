using System.Buffers;
using System.Text.Json;
using Pandapon.Sandbox.Endpoints;
using Pandapon.Sandbox.Http;

namespace Pandapon.Sandbox.Taobao;

/// <summary>
/// The Taobao after-sales paths: four signed ones through the <see cref="SignedGateway"/> (auth, latency, faults and
/// stats like the 1688 ones) and two unsigned, sandbox-only ones for tests: the ids (optionally by status) and the
/// messages a reverse order received. The /sandbox paths are not counted in the stats.
/// </summary>
public static class TaobaoEndpoints
{
    /// <summary>The signed paths, for the stats' list (the cancel path with its route template).</summary>
    public static readonly string[] SignedPaths =
        [TaobaoRefundQueryEndpoint.Path, TaobaoRefundListEndpoint.Path, TaobaoRefundCancelEndpoint.Path, TaobaoRefundMessageEndpoint.Path];

    public static void Map(IEndpointRouteBuilder routes, SignedGateway gateway, TaobaoRefundStore store, TaobaoListShape shape)
    {
        gateway.Map(routes, TaobaoRefundQueryEndpoint.Method, TaobaoRefundQueryEndpoint.Path, new TaobaoRefundQueryEndpoint(store).Handle);
        gateway.Map(routes, TaobaoRefundListEndpoint.Method, TaobaoRefundListEndpoint.Path, new TaobaoRefundListEndpoint(store, shape).Handle);
        gateway.Map(routes, TaobaoRefundCancelEndpoint.Method, TaobaoRefundCancelEndpoint.Path, new TaobaoRefundCancelEndpoint(store).Handle);
        gateway.Map(routes, TaobaoRefundMessageEndpoint.Method, TaobaoRefundMessageEndpoint.Path, new TaobaoRefundMessageEndpoint(store).Handle);

        routes.MapGet("/sandbox/taobao/refunds", (HttpContext context) =>
        {
            string? text = context.Request.Query["status"].FirstOrDefault();
            if (string.IsNullOrEmpty(text)) return SandboxControlEndpoints.Json(context, store.IdsJson(null));
            if (!int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int status))
                return SandboxControlEndpoints.Problem(context, StatusCodes.Status400BadRequest,
                    $"status '{Authenticator.Shorten(text)}' is not an integer status code such as {string.Join(", ", TaobaoStatus.Known)}");
            return SandboxControlEndpoints.Json(context, store.IdsJson(status));
        });
        routes.MapGet("/sandbox/taobao/refunds/{refundId}/messages", (HttpContext context, string refundId) =>
        {
            IReadOnlyList<TaobaoMessage>? messages = long.TryParse(refundId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long id)
                ? store.MessagesOf(id)
                : null;
            if (messages is null)
                return SandboxControlEndpoints.Problem(context, StatusCodes.Status404NotFound, $"reverse order not found: {Authenticator.Shorten(refundId)}");
            return SandboxControlEndpoints.Json(context, MessagesJson(messages));
        });
    }

    /// <summary><c>[{refundId, refundMessage, refundImages[], createTime}]</c>, oldest first.</summary>
    private static byte[] MessagesJson(IReadOnlyList<TaobaoMessage> messages)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, Data.RefundJson.WriterOptions))
        {
            w.WriteStartArray();
            foreach (var m in messages)
            {
                w.WriteStartObject();
                w.WriteNumber("refundId", m.RefundId);
                w.WriteString("refundMessage", m.Message);
                w.WriteStartArray("refundImages");
                foreach (string url in m.Images) w.WriteStringValue(url);
                w.WriteEndArray();
                w.WriteNumber("createTime", m.CreateTime);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
