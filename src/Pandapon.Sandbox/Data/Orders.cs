using System.Globalization;
using static Pandapon.Sandbox.Data.Vocabulary;

namespace Pandapon.Sandbox.Data;

/// <summary>1688 order statuses (buyerView <c>baseInfo.status</c>, docs/api-orders.md), and what each allows.</summary>
internal static class OrderStatus
{
    public const string WaitBuyerPay = "waitbuyerpay";
    public const string WaitSellerSend = "waitsellersend";
    public const string WaitLogisticsTakeIn = "waitlogisticstakein";
    public const string WaitBuyerReceive = "waitbuyerreceive";
    public const string WaitBuyerSign = "waitbuyersign";
    public const string SignInSuccess = "signinsuccess";
    public const string ConfirmGoods = "confirm_goods";
    public const string Success = "success";
    public const string Cancel = "cancel";
    public const string Terminated = "terminated";

    /// <summary>Every status, in the order of an order's life; the position is the status's code in the order index.</summary>
    public static readonly string[] All =
        [WaitBuyerPay, WaitSellerSend, WaitLogisticsTakeIn, WaitBuyerReceive, WaitBuyerSign, SignInSuccess, ConfirmGoods, Success, Cancel, Terminated];

    public static byte Code(string status) => (byte)Array.IndexOf(All, status);

    /// <summary>The <c>goodsStatus</c> values a refund of an order in <paramref name="status"/> may give; none when it cannot be refunded.</summary>
    public static string[] GoodsStatusesFor(string status) => status switch
    {
        WaitSellerSend => ["refundWaitSellerSend"],
        WaitLogisticsTakeIn => ["refundWaitBuyerReceive"],
        WaitBuyerReceive or WaitBuyerSign => ["refundWaitBuyerReceive", "refundBuyerReceived"],
        SignInSuccess => ["refundBuyerReceived"],
        ConfirmGoods or Success => ["aftersaleBuyerNotReceived", "aftersaleBuyerReceived"],
        _ => [],
    };

    public static bool IsShipped(string status) => TraceStage(status) > 0;

    /// <summary>The buyer may confirm receipt (<c>/alibaba/order/receivegoods</c>): the goods are on their way or signed for.</summary>
    public static bool CanConfirmReceipt(string status) => status is WaitBuyerReceive or WaitBuyerSign or SignInSuccess;

    /// <summary>How far the parcels went: 0 not shipped, 1 waiting for pick-up, 2 in transit, 3 out for delivery, 4 signed for.</summary>
    public static int TraceStage(string status) => status switch
    {
        WaitLogisticsTakeIn => 1,
        WaitBuyerReceive => 2,
        WaitBuyerSign => 3,
        SignInSuccess or ConfirmGoods or Success => 4,
        _ => 0,
    };
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

/// <summary>One parcel of an order: the carrier's waybill and the entries in it.</summary>
internal sealed record Waybill(string LogisticsId, string CompanyName, string CompanyNo, string BillNo, string FromCity, List<long> EntryIds);

/// <summary>A 1688 order as the sandbox keeps it: enough for the buyer view and for checking refund applications.</summary>
internal sealed class SandboxOrder
{
    public long OrderId { get; init; }

    /// <summary>Changed only through <see cref="OrderBook"/>, which keeps its index in step.</summary>
    public string Status { get; set; } = "";
    public Party Buyer { get; init; } = null!;
    public Party Seller { get; init; } = null!;

    /// <summary>Bought by a 1688 account that is not the sandbox's caller: a refund application is refused (5002).</summary>
    public bool ForeignBuyer { get; init; }

    public long ShippingFeeFen { get; init; }
    public DateTime Created { get; init; }
    public DateTime? Paid { get; init; }
    public DateTime? Shipped { get; init; }
    public DateTime? Completed { get; set; }
    public DateTime? Closed { get; set; }
    public string? CloseReason { get; set; }
    public string? CloseRemark { get; set; }

    /// <summary>Empty until shipped; one or two parcels after.</summary>
    public List<Waybill> Waybills { get; init; } = [];
    public List<OrderEntry> Entries { get; init; } = [];

    public long ProductFen => Entries.Sum(e => e.AmountFen);
    public long TotalFen => ProductFen + ShippingFeeFen;
    public DateTime Modified => Closed ?? Completed ?? Shipped ?? Paid ?? Created;
    public OrderEntry? Entry(long entryId) => Entries.Find(e => e.EntryId == entryId);
}

/// <summary>
/// The orders of the sandbox: the fresh ones (<c>--orders</c>, listed at <c>GET /sandbox/orders</c>), and the order
/// behind every generated refund. Both are generated again from the seed on every read; the book holds only a small
/// index (id, creation time, where it comes from, current status: about 33 bytes an order) and, whole, the orders that
/// changed (a refund opened on them, cancelled, receipt confirmed). Not thread-safe: <see cref="RefundStore"/> holds its
/// lock around every use.
/// </summary>
internal sealed class OrderBook
{
    private const ulong FreshOrderStream = 0x4F52_4445_5246_0001;
    private const ulong OrderDetailStream = 0x4F52_4445_5244_0002;
    private const byte ForeignCode = 0xFF;

    // Fresh order i was created i * 7 minutes (plus up to 7 more) before this: the index is newest first.
    private static readonly DateTime FreshNewest = new(2025, 12, 1, 8, 0, 0, DateTimeKind.Unspecified);
    private const long FreshSpacingMs = 7 * 60 * 1000;

    // The statuses of fresh orders, in turn. The first ten give each case a refund application meets (slot 8 unpaid),
    // the second ten the rest of 1688's statuses, so that every status can be listed. The last of every ten (9, 19)
    // was bought by another account.
    private static readonly string[] FreshStatuses =
    [
        OrderStatus.WaitSellerSend, OrderStatus.WaitBuyerReceive, OrderStatus.Success, OrderStatus.WaitBuyerReceive, OrderStatus.WaitSellerSend,
        OrderStatus.ConfirmGoods, OrderStatus.WaitBuyerReceive, OrderStatus.Success, OrderStatus.WaitBuyerPay, OrderStatus.WaitBuyerReceive,
        OrderStatus.Cancel, OrderStatus.WaitBuyerReceive, OrderStatus.Terminated, OrderStatus.WaitBuyerSign, OrderStatus.WaitLogisticsTakeIn,
        OrderStatus.SignInSuccess, OrderStatus.WaitBuyerReceive, OrderStatus.Success, OrderStatus.WaitBuyerPay, OrderStatus.WaitBuyerReceive,
    ];
    private const int ForeignSlot = 9;

    private readonly long _seed;
    private readonly RefundGenerator _generator;
    private readonly Party _foreignBuyer;
    private readonly int _freshCount;
    private readonly Dictionary<int, int> _freshAttempts = [];      // only for the (unlikely) fresh ids that had to be drawn again
    private readonly List<RefundRecord> _refundOrders = [];         // the refund behind each refund-backed order

    // The index, newest first (creation time, then id, descending). A source >= 0 is a fresh order's index,
    // a source < 0 is ~(position in _refundOrders).
    private readonly long[] _ids;
    private readonly long[] _createdTicks;
    private readonly int[] _sources;
    private readonly byte[] _statusCodes;
    // The same orders sorted by id, for finding one.
    private readonly long[] _idsSorted;
    private readonly int[] _positionsById;

    private readonly Dictionary<long, SandboxOrder> _kept = [];

    public OrderBook(long seed, RefundGenerator generator, IEnumerable<RefundRecord> generatedRefunds, int freshCount)
    {
        _seed = seed;
        _generator = generator;
        _freshCount = freshCount;
        var foreign = SplitMix64.ForItem(seed, FreshOrderStream, -1);
        long foreignUserId = long.Parse("2" + foreign.Digits(12, 1), CultureInfo.InvariantCulture);
        _foreignBuyer = new Party("海外直采" + foreign.Digits(3, 1), foreignUserId, "b2b-" + foreignUserId.ToString(CultureInfo.InvariantCulture),
            "2088" + foreign.Digits(12, 0), "", "", null, "");

        var taken = new HashSet<long>();
        var heads = new List<(long Id, long Ticks, int Source, byte Code)>();
        foreach (var record in generatedRefunds)
        {
            if (record.Origin is not { } origin || !taken.Add(origin.OrderId)) continue;
            var (created, status) = RefundOrderHead(origin, out _);
            heads.Add((origin.OrderId, created.Ticks, ~_refundOrders.Count, OrderStatus.Code(status)));
            _refundOrders.Add(record);
        }
        for (int i = 0; i < freshCount; i++)
        {
            for (int attempt = 0; ; attempt++)
            {
                var (orderId, created) = FreshHead(i, attempt, out _);
                if (!taken.Add(orderId)) continue;
                if (attempt > 0) _freshAttempts[i] = attempt;
                byte code = i % 10 == ForeignSlot ? ForeignCode : OrderStatus.Code(FreshStatus(i));
                heads.Add((orderId, created.Ticks, i, code));
                break;
            }
        }
        heads.Sort((a, b) => a.Ticks != b.Ticks ? b.Ticks.CompareTo(a.Ticks) : b.Id.CompareTo(a.Id));

        int n = heads.Count;
        _ids = new long[n];
        _createdTicks = new long[n];
        _sources = new int[n];
        _statusCodes = new byte[n];
        _idsSorted = new long[n];
        _positionsById = new int[n];
        for (int p = 0; p < n; p++)
        {
            (_ids[p], _createdTicks[p], _sources[p], _statusCodes[p]) = heads[p];
            _idsSorted[p] = _ids[p];
            _positionsById[p] = p;
        }
        Array.Sort(_idsSorted, _positionsById);
    }

    /// <summary>The fresh orders, in index order (newest first), as they are now.</summary>
    public IEnumerable<SandboxOrder> Fresh
    {
        get
        {
            for (int i = 0; i < _freshCount; i++)
            {
                SandboxOrder order = MakeFresh(i);
                yield return _kept.GetValueOrDefault(order.OrderId) ?? order;
            }
        }
    }

    /// <summary>The order as it is now, to change it: kept from now on, so that the change lasts. Null when there is none.</summary>
    public SandboxOrder? Find(long orderId)
    {
        if (_kept.TryGetValue(orderId, out var kept)) return kept;
        if (PositionOf(orderId) is not int position) return null;
        SandboxOrder order = Generate(_sources[position]);
        _kept.Add(orderId, order);
        return order;
    }

    /// <summary>The order as it is now, to read it: generated again unless it changed. Null when there is none.</summary>
    public SandboxOrder? View(long orderId)
    {
        if (_kept.TryGetValue(orderId, out var kept)) return kept;
        return PositionOf(orderId) is int position ? Generate(_sources[position]) : null;
    }

    /// <summary>
    /// One page of the caller's orders, newest first (creation time, then order id, both descending), optionally
    /// only those in <paramref name="status"/> and created from <paramref name="from"/> to <paramref name="to"/>
    /// (Beijing time, both inclusive). Returns the number of matching orders and the page's rows.
    /// </summary>
    public (int Total, List<SandboxOrder> Rows) Page(string? status, DateTime? from, DateTime? to, long pageNo, int pageSize)
    {
        // The index is sorted by creation time descending: the time filter is a slice, found by binary search.
        int start = to is { } last ? FirstAtOrBefore(last.Ticks) : 0;
        int end = from is { } first ? FirstAtOrBefore(first.Ticks - 1) : _ids.Length;
        int wanted = status is null ? -1 : OrderStatus.Code(status);
        long skip = (pageNo - 1) * pageSize;
        int total = 0;
        var rows = new List<SandboxOrder>();
        for (int p = start; p < end; p++)
        {
            byte code = _statusCodes[p];
            if (code == ForeignCode || (wanted >= 0 && code != wanted)) continue;
            if (total >= skip && rows.Count < pageSize) rows.Add(_kept.GetValueOrDefault(_ids[p]) ?? Generate(_sources[p]));
            total++;
        }
        return (total, rows);
    }

    /// <summary>Moves a kept order (from <see cref="Find"/>) to <paramref name="status"/>, in the order and in the index.</summary>
    public void SetStatus(SandboxOrder order, string status)
    {
        order.Status = status;
        if (PositionOf(order.OrderId) is int position && _statusCodes[position] != ForeignCode) _statusCodes[position] = OrderStatus.Code(status);
    }

    /// <summary>Seed-derived randomness for one order's extra detail (its logistics steps), independent of everything else.</summary>
    public SplitMix64 RandomFor(ulong stream, long orderId) => SplitMix64.ForItem(_seed, stream, orderId);

    private int? PositionOf(long orderId)
    {
        int i = Array.BinarySearch(_idsSorted, orderId);
        return i >= 0 ? _positionsById[i] : null;
    }

    // The first position whose creation time is at or before ticks (the index is sorted descending).
    private int FirstAtOrBefore(long ticks)
    {
        int low = 0, high = _createdTicks.Length;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (_createdTicks[mid] > ticks) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    private SandboxOrder Generate(int source) => source >= 0 ? MakeFresh(source) : FromRefund(_refundOrders[~source]);

    private static string FreshStatus(int index) => FreshStatuses[index % FreshStatuses.Length];

    // The first draws of fresh order i: its id and creation time (what the index needs), then the rest.
    private (long OrderId, DateTime Created) FreshHead(int index, int attempt, out SplitMix64 rng)
    {
        rng = SplitMix64.ForItem(_seed, FreshOrderStream + (ulong)attempt, index);
        long orderId = long.Parse("2" + rng.Digits(18, 0), CultureInfo.InvariantCulture);
        DateTime created = FreshNewest.AddMilliseconds(-(index * FreshSpacingMs + rng.Next(0L, FreshSpacingMs)));
        return (orderId, created);
    }

    private SandboxOrder MakeFresh(int index)
    {
        var (orderId, created) = FreshHead(index, _freshAttempts.GetValueOrDefault(index), out SplitMix64 rng);
        string status = FreshStatus(index);
        bool foreign = index % 10 == ForeignSlot;
        int entryCount = rng.PickWeighted([(1, 45), (2, 30), (3, 15), (4, 10)]);
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
        // A fresh order that was closed (cancel, terminated) was never paid.
        bool paid = status is not (OrderStatus.WaitBuyerPay or OrderStatus.Cancel or OrderStatus.Terminated);
        return NewOrder(rng, orderId, status, foreign ? _foreignBuyer : _generator.Buyers[0], rng.Pick(_generator.Sellers), foreign,
            shippingFee, created, paid, entries);
    }

    // The first draws of a refund-backed order: its creation time and status (what the index needs), then the rest.
    private (DateTime Created, string Status) RefundOrderHead(GeneratedOrder origin, out SplitMix64 rng)
    {
        rng = SplitMix64.ForItem(_seed, OrderDetailStream, origin.OrderId);
        DateTime created = origin.Applied.AddDays(-rng.Next(4, 15)).AddMinutes(-rng.Next(0, 24 * 60)).AddSeconds(-rng.Next(0, 60));
        bool notSent = rng.Chance(0.4);
        bool all = origin.RefundedLines.Count == origin.EntryCount;
        string status = origin.DisputeType == 2 ? OrderStatus.Success
            : origin.RefundStatus == RefundStatus.Success && all ? OrderStatus.Terminated
            : origin.Flow == RefundFlow.RefundNotReceived && notSent ? OrderStatus.WaitSellerSend
            : OrderStatus.WaitBuyerReceive;
        return (created, status);
    }

    /// <summary>
    /// The order behind a generated refund: the refunded entries as the refund drew them, the rest (and sometimes one
    /// more line, up to four) from a stream of its own keyed by the order id.
    /// </summary>
    private SandboxOrder FromRefund(RefundRecord record)
    {
        GeneratedOrder origin = record.Origin!;
        var (created, status) = RefundOrderHead(origin, out SplitMix64 rng);
        int lines = origin.EntryCount < 4 && rng.Chance(0.2) ? origin.EntryCount + 1 : origin.EntryCount;
        var entries = new List<OrderEntry>();
        for (int e = 0; e < lines; e++)
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
        return NewOrder(rng, origin.OrderId, status, origin.Buyer, origin.Seller, foreign: false, origin.ShippingFeeFen, created, paid: true, entries);
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
        DateTime created, bool paid, List<OrderEntry> entries)
    {
        DateTime? paidAt = paid ? created.AddMinutes(rng.Next(1, 120)) : null;
        // A paid order that was terminated (refunded in full) went out half the time before it was.
        bool shipped = OrderStatus.IsShipped(status) || status == OrderStatus.Terminated && paid && rng.Chance(0.5);
        DateTime? shippedAt = shipped ? paidAt!.Value.AddHours(rng.Next(2, 72)) : null;
        DateTime? completed = status is OrderStatus.Success or OrderStatus.ConfirmGoods ? shippedAt!.Value.AddDays(rng.Next(2, 6)) : null;
        DateTime? closed = status is OrderStatus.Cancel or OrderStatus.Terminated ? (shippedAt ?? paidAt ?? created).AddHours(rng.Next(1, 72)) : null;
        var waybills = new List<Waybill>();
        if (shipped)
        {
            // Orders of several lines sometimes go in two parcels.
            int split = entries.Count >= 2 && rng.Chance(0.3) ? rng.Next(1, entries.Count) : entries.Count;
            List<OrderEntry>[] parts = split == entries.Count ? [entries] : [entries.GetRange(0, split), entries.GetRange(split, entries.Count - split)];
            foreach (var part in parts)
            {
                var company = LogisticsCompanies[rng.Next(0, LogisticsCompanies.Length - 1)];   // not "OTHER"
                string bill = company.No switch
                {
                    "SF" => "SF" + rng.Digits(13, 1),
                    "YTO" => "YT" + rng.Digits(13, 1),
                    "JTSD" => "JT" + rng.Digits(13, 1),
                    "DBKD" => "DPK" + rng.Digits(12, 1),
                    _ => rng.Digits(13, 1),
                };
                waybills.Add(new Waybill("BX" + rng.Digits(14, 1), company.Name, company.No, bill, rng.Pick(Places).City, [.. part.Select(e => e.EntryId)]));
            }
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
            Paid = paidAt,
            Shipped = shippedAt,
            Completed = completed,
            Closed = closed,
            // Upstream's cancel reasons: the buyer cancelled, the seller closed an unpaid order, or (paid, refunded in full) other.
            CloseReason = closed is null ? null : status == OrderStatus.Cancel ? "buyerCancel" : paid ? "other" : "sellerGoodsLack",
            CloseRemark = closed is not null && status == OrderStatus.Terminated && paid ? "全额退款，交易关闭" : null,
            Waybills = waybills,
            Entries = entries,
        };
    }

    private static readonly string[] Colors = ["黑色", "白色", "灰色", "藏青色", "米白色", "粉色", "浅蓝色", "军绿色", "卡其色", "酒红色"];
}
