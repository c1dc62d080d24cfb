using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;

namespace Pandapon.Sandbox.Taobao;

/// <summary>The filters of the reverse-order list; null means "any".</summary>
public sealed record TaobaoFilter(long? RefundId, long? PurchaseOrderId, long? SalesOrderId, int? Status, long? CreatedFrom, long? CreatedTo);

/// <summary>A buyer's message on a reverse order, as sent.</summary>
public sealed record TaobaoMessage(long RefundId, string Message, IReadOnlyList<string> Images, long CreateTime);

public enum CancelOutcome { NotFound, Cancelled, Refused }

/// <summary>
/// The Taobao reverse orders of this run. The generated ones are not stored: each answer draws them again from the seed
/// (<see cref="TaobaoRefundGenerator"/>), so 100,000 of them cost no memory. What the API changed is kept beside them: the
/// status of a withdrawn reverse order, and the messages. Four awkward records with fixed ids and content follow the
/// generated ones, whatever the seed.
/// </summary>
public sealed class TaobaoRefundStore
{
    /// <summary>Seed of the awkward records, so that tests can name their values in every sandbox.</summary>
    public const long AwkwardSeed = 20240514;

    /// <summary>The awkward records' ids (generated ids start at 110000000000, so they cannot collide).</summary>
    public const long IdsAsStringsId = 100_000_000_001;
    public const long AmountsAsStringsId = 100_000_000_002;
    public const long UnknownStatusId = 100_000_000_003;
    public const long SparseId = 100_000_000_004;
    public const int UnknownStatus = 50;

    private static readonly long[] AwkwardIds = [IdsAsStringsId, AmountsAsStringsId, UnknownStatusId, SparseId];

    private readonly TaobaoRefundGenerator _generator;
    private readonly TaobaoRefundGenerator _awkwardGenerator = new(AwkwardSeed);
    private readonly int _count;
    private readonly ConcurrentDictionary<long, Change> _changes = new();
    private readonly ConcurrentDictionary<long, List<TaobaoMessage>> _messages = new();
    private readonly Lock _cancelGate = new();

    private sealed record Change(int Status, long ModifiedMs);

    public TaobaoRefundStore(long seed, int count)
    {
        _generator = new TaobaoRefundGenerator(seed);
        _count = count;
    }

    public string DistributorId => _generator.DistributorId;

    /// <summary>The reverse order as it is now, or null.</summary>
    public TaobaoRefund? Find(long refundId)
    {
        long entry = EntryOf(refundId);
        return entry == NoEntry ? null : Materialize(entry);
    }

    /// <summary>
    /// One page of the list, newest first (creation time descending, which is also record number descending; the
    /// awkward records, the oldest, last). The order never depends on the filters, so pages neither skip nor repeat.
    /// </summary>
    public (long Total, List<TaobaoRefund> Rows) Query(TaobaoFilter filter, int pageNo, int pageSize)
    {
        long skip = (long)(pageNo - 1) * pageSize;
        if (filter is { RefundId: null, PurchaseOrderId: null, SalesOrderId: null })
            return filter.Status is null ? QueryByTime(filter, skip, pageSize) : QueryByStatus(filter, skip, pageSize);
        long total = 0;
        var rows = new List<TaobaoRefund>(pageSize);
        foreach (long entry in Candidates(filter))
        {
            if (!Matches(entry, filter)) continue;
            if (total >= skip && rows.Count < pageSize) rows.Add(Materialize(entry));
            total++;
        }
        return (total, rows);
    }

    /// <summary>
    /// The list filtered by time alone, without a scan: creation times grow with the record number, so the matching
    /// generated records are one range of numbers, and page rows are picked by arithmetic.
    /// </summary>
    private (long Total, List<TaobaoRefund> Rows) QueryByTime(TaobaoFilter filter, long skip, int pageSize)
    {
        var (low, high) = TaobaoRefundGenerator.IndexRange(filter.CreatedFrom, filter.CreatedTo, _count);
        while (low <= high && filter.CreatedFrom is long from && _generator.GmtCreateOf(low) < from) low++;
        while (high >= low && filter.CreatedTo is long to && _generator.GmtCreateOf(high) > to) high--;
        long generated = Math.Max(0, high - low + 1);
        var rows = new List<TaobaoRefund>(pageSize);
        for (long position = skip; position < generated && rows.Count < pageSize; position++) rows.Add(Materialize(high - position));
        long total = generated;
        for (int k = 0; k < AwkwardIds.Length; k++)
        {
            long entry = -1 - k;
            if (!Matches(entry, filter)) continue;
            if (total >= skip && rows.Count < pageSize) rows.Add(Materialize(entry));
            total++;
        }
        return (total, rows);
    }

    /// <summary>
    /// The list filtered by status (and maybe time): a scan of the time range, newest first, then the awkward records.
    /// A client reads pages in turn, so each scan leaves a mark (the total, and where the page after it starts) and the
    /// next page resumes there instead of scanning 100,000 records again; any withdrawal makes every mark stale.
    /// </summary>
    private (long Total, List<TaobaoRefund> Rows) QueryByStatus(TaobaoFilter filter, long skip, int pageSize)
    {
        var (low, high) = TaobaoRefundGenerator.IndexRange(filter.CreatedFrom, filter.CreatedTo, _count);
        long generated = Math.Max(0, high - low + 1);
        long version = Interlocked.Read(ref _version);
        long total = -1, matched = 0, position = 0;
        if (_marks.TryGetValue(filter, out var mark) && mark.Version == version && mark.Matched <= skip)
            (total, matched, position) = (mark.Total, mark.Matched, mark.Position);

        var rows = new List<TaobaoRefund>(pageSize);
        ScanMark? next = null;
        for (; position < generated + AwkwardIds.Length; position++)
        {
            long entry = position < generated ? high - position : -1 - (position - generated);
            if (!Matches(entry, filter)) continue;
            if (matched >= skip && rows.Count < pageSize)
            {
                rows.Add(Materialize(entry));
                if (rows.Count == pageSize)
                {
                    next = new ScanMark(version, total, matched + 1, position + 1);
                    if (total >= 0) break;
                }
            }
            matched++;
        }
        if (total < 0) total = matched;   // the scan ran to the end
        if (next is not null)
        {
            if (_marks.Count >= MaxMarks) _marks.Clear();
            _marks[filter] = next with { Total = total };
        }
        return (total, rows);
    }

    private sealed record ScanMark(long Version, long Total, long Matched, long Position);

    private const int MaxMarks = 256;
    private readonly ConcurrentDictionary<TaobaoFilter, ScanMark> _marks = new();
    private long _version;

    /// <summary>The buyer withdraws: allowed only while Applied (10) or SellerAgreed (20); the record is then Closed (-20) for good.</summary>
    public (CancelOutcome Outcome, TaobaoRefund? Refund, string? Reason) Cancel(long refundId, long nowMs)
    {
        long entry = EntryOf(refundId);
        if (entry == NoEntry) return (CancelOutcome.NotFound, null, null);
        lock (_cancelGate)
        {
            TaobaoRefund refund = Materialize(entry);
            if (!TaobaoStatus.BuyerMayCancel(refund.Status))
                return (CancelOutcome.Refused, refund,
                    $"reverse order {refundId} has status {refund.Status}; the buyer can withdraw it only while it is {TaobaoStatus.Applied} (Applied) or {TaobaoStatus.SellerAgreed} (SellerAgreed)");
            _changes[refundId] = new Change(TaobaoStatus.Closed, nowMs);
            Interlocked.Increment(ref _version);
            return (CancelOutcome.Cancelled, Materialize(entry), null);
        }
    }

    /// <summary>Keeps a message; false when there is no such reverse order.</summary>
    public bool AddMessage(TaobaoMessage message)
    {
        if (EntryOf(message.RefundId) == NoEntry) return false;
        var list = _messages.GetOrAdd(message.RefundId, _ => []);
        lock (list) list.Add(message);
        return true;
    }

    /// <summary>The messages of a reverse order in the order they came, or null when there is no such reverse order.</summary>
    public IReadOnlyList<TaobaoMessage>? MessagesOf(long refundId)
    {
        if (EntryOf(refundId) == NoEntry) return null;
        if (!_messages.TryGetValue(refundId, out var list)) return [];
        lock (list) return [.. list];
    }

    /// <summary>Every id as a JSON array of numbers, in generation order then the awkward ones; only those with <paramref name="status"/> when given.</summary>
    public byte[] IdsJson(int? status)
    {
        var buffer = new ArrayBufferWriter<byte>(_count * 14 + 64);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            for (long i = 0; i < _count; i++)
            {
                var key = _generator.KeyOf(i);
                if (status is null || StatusOf(key.RefundId, key.Status) == status) w.WriteNumberValue(key.RefundId);
            }
            for (int k = 0; k < AwkwardIds.Length; k++)
                if (status is null || Awkward(k).Status == status) w.WriteNumberValue(AwkwardIds[k]);
            w.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    // An entry is a record number (>= 0) or an awkward record (-1 - k).
    private const long NoEntry = long.MinValue;

    private long EntryOf(long refundId)
    {
        int k = Array.IndexOf(AwkwardIds, refundId);
        if (k >= 0) return -1 - k;
        long index = _generator.IndexOfRefundId(refundId, _count);
        return index >= 0 ? index : NoEntry;
    }

    /// <summary>The records an id filter can match (at most three generated ones), newest first, then the awkward ones.</summary>
    private IEnumerable<long> Candidates(TaobaoFilter filter)
    {
        if (filter.RefundId is long refundId)
        {
            long index = _generator.IndexOfRefundId(refundId, _count);
            if (index >= 0) yield return index;
        }
        else if (filter.PurchaseOrderId is long purchaseOrderId)
        {
            foreach (long index in _generator.IndexesOfPurchaseOrder(purchaseOrderId, _count)) yield return index;
        }
        else if (filter.SalesOrderId is long salesOrderId)
        {
            foreach (long index in _generator.IndexesOfSalesOrder(salesOrderId, _count)) yield return index;
        }
        for (int k = 0; k < AwkwardIds.Length; k++) yield return -1 - k;
    }

    private bool Matches(long entry, TaobaoFilter filter)
    {
        if (entry < 0)
        {
            TaobaoRefund r = Materialize(entry);
            bool sparse = r.Quirks?.Sparse == true;
            return Fits(r.RefundId, r.GmtCreate, r.Status, filter)
                && (filter.PurchaseOrderId is null || (!sparse && filter.PurchaseOrderId == r.PurchaseOrderId))
                && (filter.SalesOrderId is null || (!sparse && filter.SalesOrderId == r.SalesOrderId));
        }
        var key = _generator.KeyOf(entry);
        return Fits(key.RefundId, key.GmtCreate, StatusOf(key.RefundId, key.Status), filter)
            && (filter.PurchaseOrderId is null || filter.PurchaseOrderId == _generator.PurchaseOrderIdOf(entry))
            && (filter.SalesOrderId is null || filter.SalesOrderId == _generator.SalesOrderIdOf(entry));
    }

    private static bool Fits(long refundId, long created, int status, TaobaoFilter filter)
        => (filter.RefundId is null || filter.RefundId == refundId)
            && (filter.Status is null || filter.Status == status)
            && (filter.CreatedFrom is null || created >= filter.CreatedFrom)
            && (filter.CreatedTo is null || created <= filter.CreatedTo);

    private int StatusOf(long refundId, int generated)
        => _changes.TryGetValue(refundId, out var change) ? change.Status : generated;

    private TaobaoRefund Materialize(long entry)
    {
        TaobaoRefund r = entry >= 0 ? _generator.Generate(entry) : Awkward((int)(-1 - entry));
        if (_changes.TryGetValue(r.RefundId, out var change))
        {
            r.Status = change.Status;
            r.GmtModified = change.ModifiedMs;
            r.TimeoutType = null;
            r.TimeoutDate = null;
            r.CanEditFee = false;
        }
        return r;
    }

    /// <summary>Awkward record <paramref name="k"/>, made afresh (it is small) so that a change never touches a shared copy.</summary>
    private TaobaoRefund Awkward(int k)
    {
        TaobaoRefund r = k switch
        {
            // Ids as JSON strings, as Java services send longs to protect JavaScript clients; a return on its way back.
            0 => WithQuirks(_awkwardGenerator.Generate(0, refundType: 2, status: TaobaoStatus.WaitingSellerReceipt), new TaobaoQuirks { IdsAsStrings = true }),
            // Amounts in fen as JSON strings.
            1 => WithQuirks(_awkwardGenerator.Generate(1, refundType: 1, status: TaobaoStatus.Succeeded), new TaobaoQuirks { AmountsAsStrings = true }),
            // A status code no document lists.
            2 => _awkwardGenerator.Generate(2, refundType: 2, status: UnknownStatus),
            // Just synced: refundId, refundStatus and gmtCreate only; no order line, no logistics.
            _ => WithQuirks(_awkwardGenerator.Generate(3, refundType: 1, status: TaobaoStatus.Applied), new TaobaoQuirks { Sparse = true }),
        };
        r.RefundId = AwkwardIds[k];
        // Older than every generated record, so they come last in the list; ids outside the generated ranges.
        r.GmtCreate = TaobaoRefundGenerator.TimeBase - (k + 1) * 60 * 60 * 1000L;
        r.OrderCreateTime = r.GmtCreate - 24 * 60 * 60 * 1000L;
        r.GmtModified = Math.Max(r.GmtModified, r.GmtCreate);
        r.PurchaseOrderId = 3_700_000_000_000_001 + k;
        r.PurchaseOrderLineId = 4_100_000_000_000_001 + k;
        r.SalesOrderId = 5_000_000_000_001 + k;
        return r;
    }

    private static TaobaoRefund WithQuirks(TaobaoRefund r, TaobaoQuirks quirks)
    {
        r.Quirks = quirks;
        return r;
    }
}
