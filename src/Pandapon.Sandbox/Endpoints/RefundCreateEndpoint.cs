using System.Text;
using System.Text.Json;
using Pandapon.Sandbox.Callbacks;
using Pandapon.Sandbox.Data;
using Pandapon.Sandbox.Http;
using static Pandapon.Sandbox.Data.Vocabulary;

namespace Pandapon.Sandbox.Endpoints;

/// <summary>
/// <c>POST /alibaba/refund/detail/create</c>: opens a refund on entries of one of the sandbox's orders, with 1688's
/// checks and codes (docs/api.md, "Create a refund"), and answers <c>{"refundId":"TQ…"}</c>. The new refund is readable at
/// once through <c>/alibaba/refund/info</c> (status waitselleragree) and appears on the order's entries.
/// </summary>
internal sealed class RefundCreateEndpoint(RefundStore store, IMessagePusher? pusher = null)
{
    public const string Path = "/alibaba/refund/detail/create";
    public const string Method = "POST";
    public const int MaxVouchers = 5;

    private static readonly string[] GoodsStatuses =
        ["refundWaitSellerSend", "refundWaitBuyerReceive", "refundBuyerReceived", "aftersaleBuyerNotReceived", "aftersaleBuyerReceived"];

    private sealed record Request(long OrderId, List<long> EntryIds, bool ReturnGoods, long Payment, long Carriage, long ReasonId,
        string Description, string GoodsStatus, List<string> Vouchers, List<(long Id, long Count)> Counts);

    public ApiResult Handle(SignedRequest request)
    {
        Request r;
        try
        {
            r = Read(request.Body);
        }
        catch (BodyException e)
        {
            return ApiError.InvalidRequest.With(e.Message);
        }
        if (r.Description.Length is < 2 or > 150)
            return Reject(5012, $"退款说明长度须为2到150个字符，当前{r.Description.Length}个");
        return store.Update(changes => Open(changes, r, pusher));
    }

    private static Request Read(string body)
    {
        using var json = JsonBody.Parse(body);
        long orderId = json.Long("orderId", required: true)!.Value;
        List<long> entries = json.Longs("orderEntryIds", required: true);
        if (entries.Count == 0) throw new BodyException("orderEntryIds must name at least one order entry");
        string dispute = json.Text("disputeRequest", required: true)!;
        if (dispute is not ("refund" or "returnRefund")) throw new BodyException($"disputeRequest must be refund or returnRefund, not {Authenticator.Shorten(dispute)}");
        long payment = Fen(json, "applyPayment");
        long carriage = Fen(json, "applyCarriage");
        long reason = json.Long("applyReasonId", required: true)!.Value;
        string description = json.Text("description", required: true)!;
        string goodsStatus = json.Text("goodsStatus", required: true)!;
        List<string> vouchers = json.Texts("vouchers");
        if (vouchers.Count > MaxVouchers) throw new BodyException($"vouchers: at most {MaxVouchers}, not {vouchers.Count}");
        var counts = new List<(long, long)>();
        if (json.Root.TryGetProperty("orderEntryCountList", out JsonElement list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array) throw new BodyException("orderEntryCountList must be an array of {id, count}");
            int i = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object) throw new BodyException($"orderEntryCountList[{i}] must be an object {{id, count}}");
                long id = JsonBody.ReadLong(item.TryGetProperty("id", out var v) ? v : default, $"orderEntryCountList[{i}].id")
                    ?? throw new BodyException($"orderEntryCountList[{i}].id is required");
                long count = JsonBody.ReadLong(item.TryGetProperty("count", out var c) ? c : default, $"orderEntryCountList[{i}].count")
                    ?? throw new BodyException($"orderEntryCountList[{i}].count is required");
                counts.Add((id, count));
                i++;
            }
        }
        return new Request(orderId, entries, dispute == "returnRefund", payment, carriage, reason, description, goodsStatus, vouchers, counts);
    }

    /// <summary>An amount in fen: a whole number. A fraction means yuan were sent, which the service would refuse to bind.</summary>
    private static long Fen(JsonBody json, string name)
    {
        if (json.Root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && !value.TryGetInt64(out _))
            throw new BodyException($"{name} must be a whole number of fen (1 yuan = 100 fen), not {value.GetRawText()}");
        return json.Long(name, required: true)!.Value;
    }

    private static ApiResult Open(RefundStore.Changes changes, Request r, IMessagePusher? pusher)
    {
        SandboxOrder? order = changes.Orders.Find(r.OrderId);
        if (order is null) return Reject(5001, $"订单不存在: {r.OrderId}");
        if (order.ForeignBuyer) return Reject(5002, $"买家与订单不匹配: 订单{r.OrderId}不是当前账号购买的");
        string[] allowed = OrderStatus.GoodsStatusesFor(order.Status);
        if (allowed.Length == 0) return Reject(5010, $"订单当前状态不允许申请退款: {order.Status}");

        var entries = new List<OrderEntry>();
        foreach (long id in r.EntryIds)
        {
            OrderEntry? entry = order.Entry(id);
            if (entry is null) return Reject(5100, $"子订单不属于该订单: {id}");
            if (entry.RefundId is { } existing && changes.Find(existing) is { } refund && refund.Status != RefundStatus.Close)
            {
                return refund.Status == RefundStatus.Success
                    ? Reject(5010, $"子订单已退款成功: {id} ({existing})")
                    : Reject(5010, $"子订单已有进行中的退款: {id} ({existing}, {refund.Status})");
            }
            if (!entries.Contains(entry)) entries.Add(entry);
        }

        if (Array.IndexOf(GoodsStatuses, r.GoodsStatus) < 0 || Array.IndexOf(allowed, r.GoodsStatus) < 0)
            return Reject(5003, $"货物状态与订单状态不符: {Authenticator.Shorten(r.GoodsStatus)}，订单状态{order.Status}可选{string.Join("/", allowed)}");
        bool received = r.GoodsStatus is "refundBuyerReceived" or "aftersaleBuyerReceived";
        if (r.ReturnGoods && !received) return Reject(5003, $"退货退款须在买家收到货后申请: {r.GoodsStatus}");

        Reason[] reasons = r.ReturnGoods ? ReturnReasons : received ? ReceivedReasons : NotReceivedReasons;
        Reason? reason = Array.Find(reasons, x => x.Id == r.ReasonId);
        if (reason is null) return Reject(5004, $"退款原因不存在或不适用: {r.ReasonId}");
        if (reason.NeedVoucher && r.Vouchers.Count == 0) return Reject(5005, $"该退款原因需要上传凭证: {reason.Name}");
        if (r.Carriage > 0 && (received || r.ReturnGoods)) return Reject(5006, $"该退款原因不支持退运费: {reason.Name}");

        var counts = new Dictionary<long, int>();
        if (r.Counts.Count > 0)
        {
            if (!(r.ReturnGoods && r.GoodsStatus == "refundBuyerReceived"))
                return Reject(5013, "仅售中已收货的退货退款可指定退货数量");
            foreach (var (id, count) in r.Counts)
            {
                OrderEntry? entry = entries.Find(e => e.EntryId == id);
                if (entry is null) return Reject(5013, $"退货数量中的子订单不在申请中: {id}");
                if (count < 1 || count > entry.Quantity) return Reject(5013, $"退货数量错误: 子订单{id}购买{entry.Quantity}件，申请{count}件");
                counts[id] = (int)count;
            }
        }

        long refundable = entries.Sum(e => counts.TryGetValue(e.EntryId, out int n) ? e.UnitPriceFen * n : e.AmountFen);
        if (r.Payment < 0 || r.Carriage < 0 || r.Payment + r.Carriage == 0) return Reject(5011, "退款金额须大于0");
        if (r.Payment > refundable) return Reject(5011, $"退款金额超过可退金额: 申请{r.Payment}分，最多{refundable}分");
        if (order.Status == OrderStatus.WaitSellerSend && r.Payment != refundable)
            return Reject(5011, $"卖家未发货时须全额退款: 应为{refundable}分，申请{r.Payment}分");
        if (r.Carriage > order.ShippingFeeFen) return Reject(5011, $"退运费超过订单运费: 申请{r.Carriage}分，运费{order.ShippingFeeFen}分");

        var input = new RefundApplicationInput(order, entries, r.ReturnGoods, r.GoodsStatus, r.Payment, r.Carriage, reason, r.Description,
            r.Vouchers, counts, refundable);
        RefundRecord created = changes.Open((refundId, rng) => RefundWorkflow.Open(input, refundId, RefundWorkflow.BeijingNow(), rng));
        foreach (var entry in entries) entry.RefundId = created.RefundId;
        pusher?.RefundOpened(created);
        return ApiResult.Ok(Encoding.UTF8.GetBytes($"{{\"refundId\":\"{created.RefundId}\"}}"));
    }

    private static ApiResult Reject(int code, string msg) => ApiError.RefundCreateRejected.Upstream(code, msg);
}
