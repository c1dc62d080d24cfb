using System.Globalization;
using static Pandapon.Sandbox.Data.Vocabulary;

namespace Pandapon.Sandbox.Data;

/// <summary>1688 order statuses (buyerView <c>baseInfo.status</c>) the sandbox uses, and what each allows.</summary>
internal static class OrderStatus
{
    public const string WaitBuyerPay = "waitbuyerpay";
    public const string WaitSellerSend = "waitsellersend";
    public const string WaitBuyerReceive = "waitbuyerreceive";
    public const string ConfirmGoods = "confirm_goods";
    public const string Success = "success";
    public const string Terminated = "terminated";

    /// <summary>The <c>goodsStatus</c> values a refund of an order in <paramref name="status"/> may give; none when it cannot be refunded.</summary>
    public static string[] GoodsStatusesFor(string status) => status switch
    {
        WaitSellerSend => ["refundWaitSellerSend"],
        WaitBuyerReceive => ["refundWaitBuyerReceive", "refundBuyerReceived"],
        ConfirmGoods or Success => ["aftersaleBuyerNotReceived", "aftersaleBuyerReceived"],
        _ => [],
    };

    public static bool IsShipped(string status) => status is WaitBuyerReceive or ConfirmGoods or Success;
}

/// <summary>One entry (sub-order) of an order: what was bought, at what price, and the refund that covers it.</summary>
internal sealed class OrderEntry
{
    public long EntryId { get; init; }
    public string ProductName { get; init; } = "";
    public long ProductId { get; init; }
    public long SkuId { get; init; }
    public string SpecId { get; init; } = "";
    public string Color { get; init; } = "";
    public long UnitPriceFen { get; init; }
    public int Quantity { get; init; }
    public long AmountFen => UnitPriceFen * Quantity;

    /// <summary>The latest refund opened on this entry, or null.</summary>
    public string? RefundId { get; set; }
}

/// <summary>A 1688 order as the sandbox keeps it: enough for the buyer view and for checking refund applications.</summary>
internal sealed class SandboxOrder
{
    public long OrderId { get; init; }
    public string Status { get; init; } = "";
    public Party Buyer { get; init; } = null!;
    public Party Seller { get; init; } = null!;

    /// <summary>Bought by a 1688 account that is not the sandbox's caller: a refund application is refused (5002).</summary>
    public bool ForeignBuyer { get; init; }

    public long ShippingFeeFen { get; init; }
    public DateTime Created { get; init; }
    public DateTime? Paid { get; init; }
    public DateTime? Shipped { get; init; }
    public DateTime? Completed { get; init; }
    public (string Name, string No, string Bill)? Shipment { get; init; }
    public List<OrderEntry> Entries { get; init; } = [];

    public long ProductFen => Entries.Sum(e => e.AmountFen);
    public long TotalFen => ProductFen + ShippingFeeFen;
    public OrderEntry? Entry(long entryId) => Entries.Find(e => e.EntryId == entryId);
}

/// <summary>
/// The orders of the sandbox: the fresh ones (<c>--orders</c>, listed at <c>GET /sandbox/orders</c>, made for opening
/// refunds), and the order behind every generated refund, built from the refund's own draws the first time it is
/// asked for. Everything depends only on the seed. Not thread-safe: <see cref="RefundStore"/> holds its lock around every use.
/// </summary>
internal sealed class OrderBook
{
    private const ulong FreshOrderStream = 0x4F52_4445_5246_0001;
    private const ulong OrderDetailStream = 0x4F52_4445_5244_0001;
    private static readonly DateTime FreshWindowStart = new(2025, 11, 1, 8, 0, 0, DateTimeKind.Unspecified);

    // The statuses of fresh orders, in turn: every ten orders give each case a refund application can meet.
    private static readonly string[] FreshStatuses =
    [
        OrderStatus.WaitSellerSend, OrderStatus.WaitBuyerReceive, OrderStatus.Success, OrderStatus.WaitBuyerReceive, OrderStatus.WaitSellerSend,
        OrderStatus.ConfirmGoods, OrderStatus.WaitBuyerReceive, OrderStatus.Success, OrderStatus.WaitBuyerPay, OrderStatus.WaitBuyerReceive,
    ];
    private const int ForeignSlot = 9;

    private readonly long _seed;
    private readonly RefundGenerator _generator;
    private readonly Dictionary<long, SandboxOrder> _orders = [];
    private readonly Dictionary<long, RefundRecord> _refundOrigins = [];
    private readonly List<SandboxOrder> _fresh = [];
    private readonly Party _foreignBuyer;

    public OrderBook(long seed, RefundGenerator generator, IEnumerable<RefundRecord> generatedRefunds, int freshCount)
    {
        _seed = seed;
        _generator = generator;
        foreach (var record in generatedRefunds)
            if (record.Origin is { } origin) _refundOrigins.TryAdd(origin.OrderId, record);
        var foreign = SplitMix64.ForItem(seed, FreshOrderStream, -1);
        long foreignUserId = long.Parse("2" + foreign.Digits(12, 1), CultureInfo.InvariantCulture);
        _foreignBuyer = new Party("海外直采" + foreign.Digits(3, 1), foreignUserId, "b2b-" + foreignUserId.ToString(CultureInfo.InvariantCulture),
            "2088" + foreign.Digits(12, 0), "", "", null, "");
        for (int i = 0; i < freshCount; i++)
        {
            SandboxOrder order = MakeFresh(i);
            _fresh.Add(order);
            _orders.Add(order.OrderId, order);
        }
    }

    /// <summary>The fresh orders, in order.</summary>
    public IReadOnlyList<SandboxOrder> Fresh => _fresh;

    /// <summary>The order, fresh or behind a generated refund; null when there is none.</summary>
    public SandboxOrder? Find(long orderId)
    {
        if (_orders.TryGetValue(orderId, out var order)) return order;
        if (!_refundOrigins.TryGetValue(orderId, out var record)) return null;
        order = FromRefund(record);
        _orders.Add(orderId, order);
        return order;
    }

    private SandboxOrder MakeFresh(int index)
    {
        string status = FreshStatuses[index % FreshStatuses.Length];
        bool foreign = index % FreshStatuses.Length == ForeignSlot;
        for (int attempt = 0; ; attempt++)
        {
            var rng = SplitMix64.ForItem(_seed, FreshOrderStream + (ulong)attempt, index);
            long orderId = long.Parse("2" + rng.Digits(18, 0), CultureInfo.InvariantCulture);
            if (_orders.ContainsKey(orderId) || _refundOrigins.ContainsKey(orderId)) continue;

            int entryCount = rng.PickWeighted([(1, 50), (2, 30), (3, 20)]);
            var entries = new List<OrderEntry>();
            for (int e = 0; e < entryCount; e++)
            {
                // The first entry is never cheap, so every fresh order has room for a partial refund such as 123.45 yuan.
                var (low, high) = e == 0 ? (5000L, 20000L) : rng.PickWeighted(RefundGenerator.PriceBands);
                long unitPrice = rng.Next(low / 10, high / 10 + 1) * 10;
                int quantity = e == 0 ? rng.Next(3, 25) : rng.Pick(RefundGenerator.Quantities);
                entries.Add(NewEntry(rng, orderId + 1 + e, RefundGenerator.ProductName(rng), unitPrice, quantity));
            }
            long shippingFee = rng.Chance(0.4) ? 0 : rng.Next(3, 21) * 100L;
            DateTime created = FreshWindowStart.AddMinutes(index * 97 + rng.Next(0, 90)).AddSeconds(rng.Next(0, 60));
            return NewOrder(rng, orderId, status, foreign ? _foreignBuyer : _generator.Buyers[0], rng.Pick(_generator.Sellers), foreign,
                shippingFee, created, entries);
        }
    }

    /// <summary>The order behind a generated refund: the refunded entries as the refund drew them, the rest from a stream of their own.</summary>
    private SandboxOrder FromRefund(RefundRecord record)
    {
        GeneratedOrder origin = record.Origin!;
        var rng = SplitMix64.ForItem(_seed, OrderDetailStream, origin.Index);
        var entries = new List<OrderEntry>();
        for (int e = 0; e < origin.EntryCount; e++)
        {
            long entryId = origin.OrderId + 1 + e;
            string name = e == 0 && record.ProductName is { } refunded ? refunded : RefundGenerator.ProductName(rng);
            OrderEntry entry;
            if (e < origin.RefundedLines.Count)
            {
                OrderLine line = origin.RefundedLines[e];
                entry = NewEntry(rng, entryId, name, line.UnitPriceFen, line.Quantity);
                entry.RefundId = record.RefundId;
            }
            else
            {
                var (low, high) = rng.PickWeighted(RefundGenerator.PriceBands);
                entry = NewEntry(rng, entryId, name, rng.Next(low / 10, high / 10 + 1) * 10, rng.Pick(RefundGenerator.Quantities));
            }
            entries.Add(entry);
        }

        bool all = origin.RefundedLines.Count == origin.EntryCount;
        string status = origin.DisputeType == 2 ? OrderStatus.Success
            : origin.RefundStatus == RefundStatus.Success && all ? OrderStatus.Terminated
            : origin.Flow == RefundFlow.RefundNotReceived && rng.Chance(0.4) ? OrderStatus.WaitSellerSend
            : OrderStatus.WaitBuyerReceive;
        DateTime created = origin.Applied.AddDays(-rng.Next(2, 15)).AddMinutes(-rng.Next(0, 24 * 60));
        return NewOrder(rng, origin.OrderId, status, origin.Buyer, origin.Seller, foreign: false, origin.ShippingFeeFen, created, entries);
    }

    private static OrderEntry NewEntry(SplitMix64 rng, long entryId, string name, long unitPrice, int quantity) => new()
    {
        EntryId = entryId,
        ProductName = name,
        ProductId = long.Parse(rng.Digits(12, 5), CultureInfo.InvariantCulture),
        SkuId = long.Parse(rng.Digits(13, 4), CultureInfo.InvariantCulture),
        SpecId = Convert.ToHexStringLower(BitConverter.GetBytes(rng.NextUInt64())) + Convert.ToHexStringLower(BitConverter.GetBytes(rng.NextUInt64())),
        Color = rng.Pick(Colors),
        UnitPriceFen = unitPrice,
        Quantity = quantity,
    };

    private static SandboxOrder NewOrder(SplitMix64 rng, long orderId, string status, Party buyer, Party seller, bool foreign, long shippingFee,
        DateTime created, List<OrderEntry> entries)
    {
        DateTime? paid = status == OrderStatus.WaitBuyerPay ? null : created.AddMinutes(rng.Next(1, 120));
        DateTime? shipped = OrderStatus.IsShipped(status) || status == OrderStatus.Terminated && rng.Chance(0.5) ? paid!.Value.AddHours(rng.Next(2, 72)) : null;
        DateTime? completed = status is OrderStatus.Success or OrderStatus.ConfirmGoods ? shipped!.Value.AddDays(rng.Next(2, 6)) : null;
        (string, string, string)? shipment = null;
        if (shipped is not null)
        {
            var company = LogisticsCompanies[rng.Next(0, LogisticsCompanies.Length - 1)];   // not "OTHER"
            shipment = (company.Name, company.No, company.No switch
            {
                "SF" => "SF" + rng.Digits(13, 1),
                "YTO" => "YT" + rng.Digits(13, 1),
                "JTSD" => "JT" + rng.Digits(13, 1),
                "DBKD" => "DPK" + rng.Digits(12, 1),
                _ => rng.Digits(13, 1),
            });
        }
        return new SandboxOrder
        {
            OrderId = orderId,
            Status = status,
            Buyer = buyer,
            Seller = seller,
            ForeignBuyer = foreign,
            ShippingFeeFen = shippingFee,
            Created = created,
            Paid = paid,
            Shipped = shipped,
            Completed = completed,
            Shipment = shipment,
            Entries = entries,
        };
    }

    private static readonly string[] Colors = ["黑色", "白色", "灰色", "藏青色", "米白色", "粉色", "浅蓝色", "军绿色", "卡其色", "酒红色"];
}
