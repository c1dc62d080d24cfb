using System.Buffers;
using System.Text.Json;
using Pandapon.Sandbox.Data;
using Pandapon.Sandbox.Http;

namespace Pandapon.Sandbox.Endpoints;

/// <summary>
/// <c>GET /alibaba/order/pay/url?orderId=…</c>: <c>{orderId, protocolPaySuccess, payUrl, cantPayOrderList[]}</c>. An
/// unpaid order gets a cashier URL; any other is listed in <c>cantPayOrderList</c> with a null <c>payUrl</c>. The
/// sandbox never pays by protocol (<c>protocolPaySuccess</c> false) and the URL leads nowhere real.
/// </summary>
internal sealed class OrderPayUrlEndpoint(RefundStore store)
{
    public const string Path = "/alibaba/order/pay/url";
    public const string Method = "GET";
    public const string CashierUrl = "https://trade.1688.com/order/cashier.htm?orderId=";

    public ApiResult Handle(SignedRequest request)
    {
        long orderId;
        try
        {
            orderId = OrderEndpoints.QueryOrderId(request.Query);
        }
        catch (BodyException e)
        {
            return ApiError.InvalidRequest.With(e.Message);
        }
        return store.Update(changes =>
        {
            SandboxOrder? order = OrderEndpoints.Visible(changes.Orders.View(orderId));
            if (order is null) return OrderEndpoints.NotFound(orderId);
            bool payable = order.Status == OrderStatus.WaitBuyerPay;
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var w = new Utf8JsonWriter(buffer, RefundJson.WriterOptions))
            {
                w.WriteStartObject();
                w.WriteNumber("orderId", orderId);
                w.WriteBoolean("protocolPaySuccess", false);
                if (payable) w.WriteString("payUrl", CashierUrl + orderId);
                else w.WriteNull("payUrl");
                w.WriteStartArray("cantPayOrderList");
                if (!payable) w.WriteNumberValue(orderId);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            return ApiResult.Ok(buffer.WrittenSpan.ToArray());
        });
    }
}
