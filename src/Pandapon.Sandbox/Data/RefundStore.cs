using System.Text.Json;

namespace Pandapon.Sandbox.Data;

/// <summary>
/// Every refund of this run, in memory, each already written as its wire <c>data</c> JSON, so that answering
/// a request is a lookup and a copy.
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

    private readonly Dictionary<string, byte[]> _data = new(StringComparer.Ordinal);
    private readonly List<RefundRecord> _records = [];

    public RefundStore(long seed, int count)
    {
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
        IdsJson = JsonSerializer.SerializeToUtf8Bytes(_records.Select(r => r.RefundId).ToArray());
    }

    public string DevelopId { get; }

    public IReadOnlyList<RefundRecord> Records => _records;

    /// <summary><c>GET /sandbox/refunds</c>: every id, generated ones first, then the awkward ones.</summary>
    public byte[] IdsJson { get; }

    public bool TryGetData(string refundId, out byte[] data) => _data.TryGetValue(refundId, out data!);

    private void Add(RefundRecord record)
    {
        _records.Add(record);
        _data.Add(record.RefundId, RefundJson.ToUtf8(record));
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
