using System.Buffers;
using System.Text.Json;
using Pandapon.Sandbox.Data;
using Pandapon.Sandbox.Http;

namespace Pandapon.Sandbox.Endpoints;

/// <summary>
/// <c>POST /alibaba/order/receivegoods</c> <c>{orderId, orderEntryIds[]}</c>: the buyer confirms receipt. Allowed while
/// the goods are on their way or signed for (<c>waitbuyerreceive</c>, <c>waitbuyersign</c>, <c>signinsuccess</c>); the
/// whole order becomes <c>confirm_goods</c>. Answers 1688's <c>{success, errorInfo, errorCode}</c>: a refusal is
/// <c>success:false</c> in a success envelope (docs/api-orders.md, "Confirm receipt").
/// </summary>
internal sealed class OrderReceiveGoodsEndpoint(RefundStore store)
{
    public const string Path = "/alibaba/order/receivegoods";
    public const string Method = "POST";

    public const string StatusNotAllowed = "ORDER_STATUS_NOT_SUPPORT";
    public const string EntryNotInOrder = "ORDER_ENTRY_NOT_EXIST";

    private static readonly byte[] Success = """{"success":true,"errorInfo":"","errorCode":""}"""u8.ToArray();

    public ApiResult Handle(SignedRequest request)
    {
        long orderId;
        List<long> entryIds;
        try
        {
            using var json = JsonBody.Parse(request.Body);
            orderId = json.Long("orderId", required: true)!.Value;
            entryIds = json.Longs("orderEntryIds");
            OrderEndpoints.CheckWebSite(json.Text("webSite"), required: false);
        }
        catch (BodyException e)
        {
            return ApiError.InvalidRequest.With(e.Message);
        }
        return store.Update(changes =>
        {
            SandboxOrder? order = OrderEndpoints.Visible(changes.Orders.View(orderId));
            if (order is null) return OrderEndpoints.NotFound(orderId);
            foreach (long id in entryIds)
                if (order.Entry(id) is null) return Refused(EntryNotInOrder, $"子订单不属于该订单(order entry not in the order): {id}");
            if (!OrderStatus.CanConfirmReceipt(order.Status))
                return Refused(StatusNotAllowed, $"订单当前状态不能确认收货(order status does not allow confirming receipt): {order.Status}");
            SandboxOrder kept = changes.Orders.Find(orderId)!;   // kept from now on: it changes
            changes.Orders.SetStatus(kept, OrderStatus.ConfirmGoods);
            kept.Completed = RefundWorkflow.BeijingNow();
            return ApiResult.Ok(Success);
        });
    }

    private static ApiResult Refused(string code, string info)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, RefundJson.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteBoolean("success", false);
            w.WriteString("errorInfo", info);
            w.WriteString("errorCode", code);
            w.WriteEndObject();
        }
        return ApiResult.RefusedInData(buffer.WrittenSpan.ToArray(), ApiError.ReceiveGoodsRejected);
    }
}
