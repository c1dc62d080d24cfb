using System.Collections.Concurrent;
using System.Text.Json;

namespace Pandapon.Sandbox.Data;

/// <summary>
/// Every refund of this run, in memory, each already written as its wire <c>data</c> JSON, so that answering
/// a read is a lock-free lookup and a copy; and the orders behind them. Refunds opened and changed through the
/// API are changed inside <see cref="Update{T}"/>, one change at a time, and their JSON is written again.
/// </summary>
public sealed class RefundStore
{
    /// <summary>
    /// Seed of the awkward records: they are the same in every sandbox, whatever <c>--seed</c> says, so tests of
    /// the module's liberal parsing can name them and their values.
    /// </summary>
    public const long AwkwardSeed = 20240514;

    /// <summary>The awkward records' ids (regular ids never start with TQ1, so they cannot collide).</summary>
    public const string NumbersAsStringsId = "TQ10000000000000001";
    public const string OperationListAsStringId = "TQ10000000000000002";
    public const string UnknownFieldsId = "TQ10000000000000003";
    public const string SparseId = "TQ10000000000000004";

    // Readers look up _data without a lock; once constructed, every write to it, and every use of the rest, holds _gate.
    private readonly ConcurrentDictionary<string, byte[]> _data = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RefundRecord> _byId = new(StringComparer.Ordinal);
    private readonly List<RefundRecord> _records = [];
    private readonly List<RefundRecord> _generated;
    private readonly object _gate = new();
    private readonly long _seed;
    private readonly OrderBook _orders;
    private byte[]? _idsJson;
    private long _opened;

    public RefundStore(long seed, int count, int freshOrders = 0)
    {
        _seed = seed;
        var generator = new RefundGenerator(seed);
        DevelopId = generator.DevelopId;
        for (int i = 0; i < count; i++)
        {
            RefundRecord record;
            int attempt = 0;
            do record = generator.Generate(i, attempt++);
            while (_data.ContainsKey(record.RefundId));
            Add(record);
        }
        foreach (var awkward in Awkward()) Add(awkward);
        _generated = [.. _records];
        _orders = new OrderBook(seed, generator, _generated, freshOrders);
    }

    public string DevelopId { get; }

    /// <summary>The generated refunds (the awkward ones last), as they were at start.</summary>
    public IReadOnlyList<RefundRecord> Records => _generated;

    /// <summary><c>GET /sandbox/refunds</c>: every id, generated ones first, then the awkward ones, then those opened through the API.</summary>
    public byte[] IdsJson
    {
        get
        {
            lock (_gate) return _idsJson ??= JsonSerializer.SerializeToUtf8Bytes(_records.Select(r => r.RefundId).ToArray());
        }
    }

    /// <summary>The ids of the refunds whose status is <paramref name="status"/> now, in the order of <see cref="IdsJson"/>.</summary>
    public byte[] IdsJsonWithStatus(string status)
    {
        lock (_gate) return JsonSerializer.SerializeToUtf8Bytes(_records.Where(r => r.Status == status).Select(r => r.RefundId).ToArray());
    }

    public bool TryGetData(string refundId, out byte[] data) => _data.TryGetValue(refundId, out data!);

    /// <summary>Runs <paramref name="change"/> alone: reads and writes of refunds and orders inside it see no other change half done.</summary>
    internal T Update<T>(Func<Changes, T> change)
    {
        lock (_gate) return change(new Changes(this));
    }

    private void Add(RefundRecord record)
    {
        _records.Add(record);
        _byId.Add(record.RefundId, record);
        _data[record.RefundId] = RefundJson.ToUtf8(record);
    }

    /// <summary>What <see cref="Update{T}"/> may do; valid only inside it.</summary>
    internal sealed class Changes(RefundStore store)
    {
        public OrderBook Orders => store._orders;

        public RefundRecord? Find(string refundId) => store._byId.GetValueOrDefault(refundId);

        /// <summary>Writes the record's JSON again after a change, so that the next read sees it.</summary>
        public void Save(RefundRecord record) => store._data[record.RefundId] = RefundJson.ToUtf8(record);

        /// <summary>Adds a refund opened through the API; <paramref name="make"/> gets a fresh id's generator and returns the record.</summary>
        public RefundRecord Open(Func<string, SplitMix64, RefundRecord> make)
        {
            long index = store._opened++;
            for (int attempt = 0; ; attempt++)
            {
                var rng = RefundWorkflow.CreatedRandom(store._seed, index, attempt);
                string refundId = "TQ" + rng.Digits(17, firstMin: 2);
                if (store._byId.ContainsKey(refundId)) continue;
                RefundRecord record = make(refundId, rng);
                store.Add(record);
                store._idsJson = null;
                return record;
            }
        }
    }

    private static IEnumerable<RefundRecord> Awkward()
    {
        var generator = new RefundGenerator(AwkwardSeed);

        // Long ids and amounts as JSON strings, as Java services do to protect JavaScript clients.
        var numbers = generator.Generate(0, flow: RefundFlow.RefundNotReceived, status: RefundStatus.Success);
        numbers.Quirks = new RecordQuirks { NumbersAsStrings = ["orderId", "applyPayment"] };
        yield return WithId(numbers, NumbersAsStringsId);

        // refundOperationList as a string holding the JSON array: the type the seed's schema declares.
        var asString = generator.Generate(1, flow: RefundFlow.ReturnAndRefund, status: RefundStatus.Success);
        asString.Quirks = new RecordQuirks { OperationListAsString = true };
        yield return WithId(asString, OperationListAsStringId);

        // Fields the seed does not know: a number and an object.
        var unknown = generator.Generate(2, flow: RefundFlow.ReturnAndRefund, status: RefundStatus.WaitSellerReceive);
        unknown.Quirks = new RecordQuirks
        {
            ExtraFields = [("tenantId", "10001"), ("extendInfo", """{"channel":"1688","version":2,"tags":["cross-border"]}""")],
        };
        yield return WithId(unknown, UnknownFieldsId);

        // Just synced: only what PandaPon had at the time, every other field null and no history yet.
        var full = generator.Generate(3, flow: RefundFlow.RefundReceived, status: RefundStatus.WaitSellerAgree);
        yield return new RefundRecord
        {
            Origin = full.Origin,
            Id = full.Id,
            CreateTime = full.CreateTime,
            UpdateTime = full.CreateTime,
            ApplyPayment = full.ApplyPayment,
            GmtApply = full.GmtApply,
            GmtCreate = full.GmtCreate,
            RefundId = SparseId,
            OrderId = full.OrderId,
            Status = full.Status,
        };
    }

    private static RefundRecord WithId(RefundRecord record, string id)
    {
        record.RefundId = id;
        if (record.RefundOperationList is { } operations)
            foreach (var op in operations) op.RefundId = id;
        return record;
    }
}
