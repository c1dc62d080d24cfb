using Pandapon.Sandbox.Data;
using Pandapon.Sandbox.Http;

namespace Pandapon.Sandbox.Endpoints;

/// <summary>
/// <c>POST /alibaba/order/cancel</c> <c>{webSite, orderId, cancelReason, remark}</c>: the buyer cancels an unpaid order.
/// Answers <c>data: true</c>; the order is <c>cancel</c> from then on. An order in any other status (a cancelled one too)
/// is refused with code 6001, the sandbox's choice (docs/api-orders.md, "Cancel").
/// </summary>
internal sealed class OrderCancelEndpoint(RefundStore store)
{
    public const string Path = "/alibaba/order/cancel";
    public const string Method = "POST";
    public const int MaxRemarkLength = 500;

    /// <summary>1688's cancel reasons (upstream <c>alibaba.trade.cancel</c>).</summary>
    public static readonly string[] Reasons = ["buyerCancel", "sellerGoodsLack", "other"];

    private static readonly byte[] True = "true"u8.ToArray();

    public ApiResult Handle(SignedRequest request)
    {
        long orderId;
        string reason;
        string? remark;
        try
        {
            using var json = JsonBody.Parse(request.Body);
            OrderEndpoints.CheckWebSite(json.Text("webSite"), required: true);
            orderId = json.Long("orderId", required: true)!.Value;
            reason = json.Text("cancelReason", required: true)!;
            if (Array.IndexOf(Reasons, reason) < 0)
                throw new BodyException($"cancelReason must be one of {string.Join(", ", Reasons)}, not {Authenticator.Shorten(reason)}");
            remark = json.Text("remark");
            if (remark?.Length > MaxRemarkLength) throw new BodyException($"remark: at most {MaxRemarkLength} characters, not {remark.Length}");
        }
        catch (BodyException e)
        {
            return ApiError.InvalidRequest.With(e.Message);
        }
        return store.Update(changes =>
        {
            SandboxOrder? seen = OrderEndpoints.Visible(changes.Orders.View(orderId));
            if (seen is null) return OrderEndpoints.NotFound(orderId);
            if (seen.Status != OrderStatus.WaitBuyerPay)
                return ApiError.OrderCancelRejected.With($"{seen.Status}，只有待付款(waitbuyerpay)订单可以取消 (only unpaid orders can be cancelled)");
            SandboxOrder order = changes.Orders.Find(orderId)!;   // kept from now on: it changes
            changes.Orders.SetStatus(order, OrderStatus.Cancel);
            order.Closed = RefundWorkflow.BeijingNow();
            order.CloseReason = reason;
            order.CloseRemark = string.IsNullOrEmpty(remark) ? null : remark;
            return ApiResult.Ok(True);
        });
    }
}
