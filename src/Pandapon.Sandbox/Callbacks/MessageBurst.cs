using System.Diagnostics;
using System.Globalization;
using Pandapon.Sandbox.Data;

namespace Pandapon.Sandbox.Callbacks;

/// <summary>
/// <c>POST /sandbox/messages/burst</c>: <c>count</c> pushes at <c>rate</c> a second, a deterministic mix from
/// <c>seed</c> of every type the sandbox knows (the types in turn), both body forms, and about one in twenty a
/// deliberate re-push of an earlier message of the burst (the same body, to be recognised as a duplicate).
/// </summary>
internal static class MessageBurst
{
    public const int MaxCount = 100_000;
    public const int MaxRate = 5_000;
    private const ulong BurstStream = 0x4255_5253_5400_0001;

    private static readonly string[] Types =
    [
        MessageBodies.OrderCreate, MessageBodies.OrderPaySuccess, MessageBodies.OrderCancel, MessageBodies.PriceModify,
        MessageBodies.PriceModify1688, MessageBodies.TaobaoPriceModify, MessageBodies.BuyerRefund, MessageBodies.TaobaoStatusModify,
        MessageBodies.TaobaoReverseOrder, MessageBodies.Unknown,
        .. MessageBodies.UpstreamOrderTopics.Select(t => t.Type),
        .. MessageBodies.UpstreamRefundTopics,
    ];

    private static readonly string[] RefundStatuses = ["waitselleragree", "waitbuyersend", "waitsellerreceive", "refundsuccess", "refundclose", "waitbuyermodify"];
    private static readonly string[] RefundActions = ["BUYER_APPLY_REFUND", "SELLER_AGREE_REFUND", "BUYER_SEND_GOODS", "SELLER_RECEIVE_GOODS", "SYSTEM_AGREE_REFUND", "SELLER_REJECT_REFUND"];

    /// <summary>Pushes in the background; returns at once.</summary>
    public static void Start(MessagePusher pusher, int count, int rate, long seed, CancellationToken stopping)
    {
        _ = Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            var sent = new List<int>(count);
            for (int i = 0; i < count && !stopping.IsCancellationRequested; i++)
            {
                var due = TimeSpan.FromSeconds((double)i / rate);
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait, CancellationToken.None);

                var rng = SplitMix64.ForItem(seed, BurstStream, i);
                if (sent.Count >= 10 && rng.Chance(0.05))
                {
                    int original = sent[rng.Next(0, sent.Count)];
                    if (pusher.BodyOf(original) is var (type, platform, body))
                    {
                        pusher.Push("burstRepeat", type, platform, body, repeatOf: original);
                        continue;
                    }
                }
                var (t, p, b) = Make(Types[i % Types.Length], rng);
                sent.Add(pusher.Push("burst", t, p, b).Sequence);
            }
        }, CancellationToken.None);
    }

    private static (string Type, int Platform, byte[] Body) Make(string type, SplitMix64 rng)
    {
        DateTime created = new DateTime(2026, 5, 1, 8, 0, 0).AddSeconds(rng.Next(0, 30 * 86400));
        long orderId = long.Parse("3" + rng.Digits(18), CultureInfo.InvariantCulture);
        long product = rng.Next(100, 500_000), shipping = rng.Next(0, 2_000);
        string buyer = "b2b-22" + rng.Digits(11), seller = "b2b-16" + rng.Digits(11);
        OrderFacts Facts(string status, int pay, string? close = null) =>
            new(orderId, "PO" + created.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + rng.Digits(4), status, pay, product, shipping, 0, close,
                created, pay == 2 ? created.AddMinutes(rng.Next(1, 120)) : null, buyer, seller, rng.Next(1, 4));
        DateTime at = created.AddHours(rng.Next(1, 72));

        switch (type)
        {
            case MessageBodies.OrderCreate: return (type, MessageBodies.Alibaba, MessageBodies.Order(Facts("WAITING_FOR_PAYMENT", 1)));
            case MessageBodies.OrderPaySuccess: return (type, MessageBodies.Alibaba, MessageBodies.Order(Facts("WAITING_FOR_SENT", 2)));
            case MessageBodies.OrderCancel: return (type, MessageBodies.Alibaba, MessageBodies.Order(Facts("CANCEL", 1, "buyer_cancel")));
            case MessageBodies.PriceModify: return (type, MessageBodies.Alibaba, MessageBodies.Order(Facts("WAITING_FOR_PAYMENT", 1)));
            case MessageBodies.PriceModify1688: return (type, MessageBodies.Alibaba, MessageBodies.BuyerViewOrder(Facts("WAITING_FOR_PAYMENT", 1)));
            case MessageBodies.TaobaoPriceModify: return (type, MessageBodies.Taobao, MessageBodies.TaobaoPriceChange(Facts("WAITING_FOR_PAYMENT", 1)));
            case MessageBodies.TaobaoStatusModify: return (type, MessageBodies.Taobao, MessageBodies.TaobaoStatus(Facts(rng.Pick(["WAITING_FOR_SENT", "SENT", "SUCCESS"]), 2), at));
            case MessageBodies.TaobaoReverseOrder:
                return (type, MessageBodies.Taobao, MessageBodies.TaobaoReverse(new TaobaoReverseOrderChange(
                    "11" + rng.Digits(10), orderId.ToString(CultureInfo.InvariantCulture), rng.Pick([10, 20, 30, 100, -10, -20]), rng.Pick(RefundActions), rng.Pick(["buyer", "seller", "system"]), at)));
            case MessageBodies.Unknown: return (type, rng.Next(0, 2), MessageBodies.UnknownEvent(rng.Next(1, long.MaxValue), at));
        }
        if (type == MessageBodies.BuyerRefund || Array.IndexOf(MessageBodies.UpstreamRefundTopics, type) >= 0)
            return (type, MessageBodies.Alibaba, MessageBodies.Refund("TQ" + rng.Digits(17, firstMin: 2), orderId, rng.Pick(RefundStatuses), rng.Pick(RefundActions),
                rng.Pick(["buyer", "seller", "system"]), at, buyer, seller));
        string status = Array.Find(MessageBodies.UpstreamOrderTopics, t => t.Type == type).Status;
        return (type, MessageBodies.Alibaba, MessageBodies.UpstreamOrder(Facts(status, 2), status, at));
    }
}
