using System.Globalization;
using Pandapon.Sandbox.Data;

namespace Pandapon.Sandbox.Taobao;

/// <summary>
/// Makes Taobao reverse orders from a seed, on the fly: record <c>i</c> depends only on the seed and <c>i</c>, so the
/// sandbox keeps no copy of them. Ids and times are laid out so that a lookup needs no index: a refund id, a purchase
/// order id and a sales order id each name the record numbers they can belong to, and creation times grow with <c>i</c>
/// (so a time range is a range of record numbers). The first draws of a record are its <see cref="Key"/>, what the list
/// filters on; the rest of the record is drawn only when it is written.
/// </summary>
public sealed class TaobaoRefundGenerator
{
    private const ulong RefundStream = 0x5442_5245_464E_0001;
    private const ulong BlockStream = 0x5442_424C_4F43_0001;
    private const ulong SupplierStream = 0x5442_5355_5050_0001;
    private const ulong DistributorStream = 0x5442_4449_5354_0001;

    // refundId = base + i * spread + a draw below spread: 12 digits, like the documents' example 110000235001.
    public const long RefundIdBase = 110_000_000_000;
    private const long RefundIdSpread = 1000;

    // Three consecutive records form a block: one sales order, split into 1 to 3 purchase orders.
    public const int BlockSize = 3;
    public const long PurchaseOrderBase = 3_800_000_000_000_000;
    private const long PurchaseOrderPerBlock = 10_000, PurchaseOrderPerPart = 1000;
    public const long SalesOrderBase = 5_100_000_000_000;
    private const long SalesOrderPerBlock = 1000;
    public const long PurchaseOrderLineBase = 4_200_000_000_000_000;
    private const long PurchaseOrderLinePerRecord = 100;

    /// <summary>Record 0 is created in [TimeBase, TimeBase + TimeStep), record i in [TimeBase + i*step, TimeBase + (i+1)*step).</summary>
    public static readonly long TimeBase = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();
    public const long TimeStep = 4 * 60 * 1000;

    private const int SupplierCount = 40;

    // Which purchase order (part 0, 1, 2) each of a block's three records belongs to.
    private static readonly int[][] BlockPatterns = [[0, 1, 2], [0, 0, 1], [0, 1, 1], [0, 0, 0]];

    private static readonly (int Status, int Weight)[] RefundOnlyStatuses =
    [
        (TaobaoStatus.NotApplied, 2), (TaobaoStatus.Applied, 20), (TaobaoStatus.Succeeded, 45), (TaobaoStatus.SellerRefused, 13), (TaobaoStatus.Closed, 20),
    ];

    private static readonly (int Status, int Weight)[] ReturnStatuses =
    [
        (TaobaoStatus.NotApplied, 2), (TaobaoStatus.Applied, 14), (TaobaoStatus.SellerAgreed, 14), (TaobaoStatus.WaitingSellerReceipt, 12),
        (TaobaoStatus.Succeeded, 35), (TaobaoStatus.SellerRefused, 8), (TaobaoStatus.Closed, 15),
    ];

    private readonly long _seed;
    private readonly Supplier[] _suppliers;

    public TaobaoRefundGenerator(long seed)
    {
        _seed = seed;
        _suppliers = Enumerable.Range(0, SupplierCount).Select(i => MakeSupplier(SplitMix64.ForItem(seed, SupplierStream, i))).ToArray();
        DistributorId = "12" + SplitMix64.ForItem(seed, DistributorStream, 0).Digits(11, firstMin: 0);
    }

    /// <summary>This sandbox's distributor (the caller's PandaPon account on the Taobao side), 13 digits.</summary>
    public string DistributorId { get; }

    /// <summary>What the list filters on, from the first draws of record <paramref name="index"/>.</summary>
    public readonly record struct Key(long RefundId, long GmtCreate, int RefundType, int Status);

    public Key KeyOf(long index) => ReadKey(index, Stream(index));

    /// <summary>The record numbers below <paramref name="count"/> whose creation time may lie in [start, end].</summary>
    public static (long Low, long High) IndexRange(long? start, long? end, int count)
    {
        long low = start is long s ? Math.Max(0, (s - TimeBase) / TimeStep - 1) : 0;
        long high = end is long e ? Math.Min(count - 1L, (e - TimeBase) / TimeStep + 1) : count - 1L;
        return (low, high);
    }

    /// <summary>The record number a refund id can only belong to, or -1.</summary>
    public long IndexOfRefundId(long refundId, int count)
    {
        if (refundId < RefundIdBase) return -1;
        long index = (refundId - RefundIdBase) / RefundIdSpread;
        return index < count && KeyOf(index).RefundId == refundId ? index : -1;
    }

    /// <summary>The record numbers of a purchase order, newest first.</summary>
    public IEnumerable<long> IndexesOfPurchaseOrder(long purchaseOrderId, int count)
    {
        if (purchaseOrderId < PurchaseOrderBase) yield break;
        long block = (purchaseOrderId - PurchaseOrderBase) / PurchaseOrderPerBlock;
        if (block > count / BlockSize) yield break;
        var info = BlockOf(block);
        for (int member = BlockSize - 1; member >= 0; member--)
        {
            long index = block * BlockSize + member;
            if (index < count && info.PurchaseOrderIds[info.Pattern[member]] == purchaseOrderId) yield return index;
        }
    }

    /// <summary>The record numbers of a sales order, newest first.</summary>
    public IEnumerable<long> IndexesOfSalesOrder(long salesOrderId, int count)
    {
        if (salesOrderId < SalesOrderBase) yield break;
        long block = (salesOrderId - SalesOrderBase) / SalesOrderPerBlock;
        if (block > count / BlockSize || BlockOf(block).SalesOrderId != salesOrderId) yield break;
        for (int member = BlockSize - 1; member >= 0; member--)
        {
            long index = block * BlockSize + member;
            if (index < count) yield return index;
        }
    }

    public long PurchaseOrderIdOf(long index)
    {
        var info = BlockOf(index / BlockSize);
        return info.PurchaseOrderIds[info.Pattern[index % BlockSize]];
    }

    public long SalesOrderIdOf(long index) => BlockOf(index / BlockSize).SalesOrderId;

    /// <summary>
    /// Record <paramref name="index"/>. <paramref name="refundType"/> and <paramref name="status"/> force the story (for
    /// the awkward records); otherwise the record's own draws decide.
    /// </summary>
    public TaobaoRefund Generate(long index, int? refundType = null, int? status = null)
    {
        var rng = Stream(index);
        Key key = ReadKey(index, rng);
        int type = refundType ?? key.RefundType;
        int target = status ?? key.Status;
        var block = BlockOf(index / BlockSize);
        int part = block.Pattern[index % BlockSize];
        Supplier supplier = _suppliers[block.Suppliers[part]];

        var r = new TaobaoRefund
        {
            RefundId = key.RefundId,
            Status = target,
            RefundType = type,
            GmtCreate = key.GmtCreate,
            PurchaseOrderId = block.PurchaseOrderIds[part],
            PayOrderId = block.PayOrderIds[part],
            SalesOrderId = block.SalesOrderId,
            SupplierId = supplier.Id,
            SalesMarket = supplier.Tmall ? "TMALL" : "TAOBAO",
            PurchaseOrderLineId = PurchaseOrderLineBase + index * PurchaseOrderLinePerRecord + rng.Next(0, PurchaseOrderLinePerRecord),
        };

        // The line: a cheap item most often; price in fen.
        var (low, high) = rng.PickWeighted(RefundGenerator.PriceBands);
        r.Price = rng.Next(low / 10, high / 10 + 1) * 10;
        r.Quantity = rng.Pick(Quantities);
        r.PostFee = rng.Chance(0.6) ? 0 : rng.Next(5, 16) * 100L;
        r.ItemTitle = rng.Pick(TitlePrefixes) + rng.Pick(Vocabulary.ProductStyles) + rng.Pick(Vocabulary.ProductItems) + rng.Pick(TitleSuffixes);
        r.ItemImageUrl = $"https://img.alicdn.com/imgextra/i{rng.Next(1, 5)}/{supplier.Id}/O1CN01{Letters(rng, 20)}_!!{supplier.Id}.jpg";
        r.OrderCreateTime = key.GmtCreate - rng.Next(60L * 60 * 1000, 15L * 24 * 60 * 60 * 1000);

        // Where the goods are, and why the buyer asks.
        r.GoodsStatus = type == 1
            ? rng.PickWeighted([(1, 30), (2, 15), (3, 20), (4, 35)])
            : target switch
            {
                TaobaoStatus.WaitingSellerReceipt => 5,
                TaobaoStatus.Succeeded => 6,
                _ => 4,
            };
        var reasons = type == 2 ? ReturnReasons : r.GoodsStatus switch { 1 => NotShippedReasons, 4 => ReceivedReasons, _ => InTransitReasons };
        var reason = rng.Pick(reasons);
        r.ReasonId = reason.Id;
        r.ReasonDesc = reason.Text;
        r.RefundDesc = rng.Pick(Descriptions);

        // The money: goods not yet shipped refund the postage too.
        r.MaxRefundFee = r.GoodsStatus == 1 ? r.TotalPrice : r.ProductFee;
        r.RefundFee = rng.Chance(0.7) ? r.MaxRefundFee : Math.Max(1, r.MaxRefundFee * rng.Next(30, 96) / 100);
        r.CanEditFee = target is TaobaoStatus.NotApplied or TaobaoStatus.Applied or TaobaoStatus.SellerRefused;

        // The seller's side.
        bool refusedOnce = target == TaobaoStatus.SellerRefused || (target == TaobaoStatus.Closed && rng.Chance(0.4));
        if (refusedOnce)
        {
            var refusal = rng.Pick(Refusals);
            r.SellerRefuseReason = refusal.Reason;
            r.SellerRefuseReasonDescribe = refusal.Describe;
        }
        bool agreed = type == 2 && (target is TaobaoStatus.SellerAgreed or TaobaoStatus.WaitingSellerReceipt or TaobaoStatus.Succeeded
            || (target == TaobaoStatus.Closed && !refusedOnce && rng.Chance(0.5)));
        bool shipped = type == 2 && target is TaobaoStatus.WaitingSellerReceipt or TaobaoStatus.Succeeded;
        bool spelledWithoutS = rng.Chance(0.5);
        if (agreed)
        {
            string? code = null, name = null, number = null, phone = null, desc = null;
            if (shipped)
            {
                (code, name) = rng.Pick(Carriers);
                number = code switch
                {
                    "SF" => "SF" + rng.Digits(13, 1),
                    "YTO" => "YT" + rng.Digits(13, 1),
                    "JTSD" => "JT" + rng.Digits(13, 1),
                    "EMS" => rng.Digits(13, 1),
                    _ => "7" + rng.Digits(14, 0),
                };
                phone = rng.Pick(Vocabulary.MobilePrefixes) + rng.Digits(8, 0);
                desc = rng.Pick(ReturnDescriptions);
            }
            r.Return = new TaobaoReturn(supplier.Receiver, supplier.Phone, supplier.Address, rng.Pick(AgreeTexts),
                code, name, number, phone, desc, spelledWithoutS);
        }

        // Times: the refund changed some time after it was opened, unless it is still where it started.
        bool untouched = target is TaobaoStatus.NotApplied || (target == TaobaoStatus.Applied && rng.Chance(0.8));
        r.GmtModified = untouched ? r.GmtCreate : r.GmtCreate + rng.Next(10L * 60 * 1000, 5L * 24 * 60 * 60 * 1000);
        (string? timeoutType, int days) = target switch
        {
            TaobaoStatus.Applied => ("SELLER_AGREE_TIMEOUT", 2),
            TaobaoStatus.SellerAgreed => ("BUYER_RETURN_TIMEOUT", 7),
            TaobaoStatus.WaitingSellerReceipt => ("SELLER_RECEIVE_TIMEOUT", 10),
            TaobaoStatus.SellerRefused => ("BUYER_MODIFY_TIMEOUT", 7),
            _ => (null, 0),
        };
        r.TimeoutType = timeoutType;
        r.TimeoutDate = timeoutType is null ? null : r.GmtModified + days * 24L * 60 * 60 * 1000;
        return r;
    }

    private SplitMix64 Stream(long index) => SplitMix64.ForItem(_seed, RefundStream, index);

    private static Key ReadKey(long index, SplitMix64 rng)
    {
        long created = TimeBase + index * TimeStep + rng.Next(0, TimeStep);
        long refundId = RefundIdBase + index * RefundIdSpread + rng.Next(0, RefundIdSpread);
        int type = rng.Chance(0.55) ? 1 : 2;
        int status = PickStatus(rng, type == 1 ? RefundOnlyStatuses : ReturnStatuses);
        return new Key(refundId, created, type, status);
    }

    // SplitMix64.PickWeighted's draw and walk, over an array: the list scans this for every record, so no enumerator.
    private static int PickStatus(SplitMix64 rng, (int Status, int Weight)[] weighted)
    {
        int total = 0;
        for (int i = 0; i < weighted.Length; i++) total += weighted[i].Weight;
        int roll = rng.Next(0, total);
        for (int i = 0; i < weighted.Length; i++)
        {
            if (roll < weighted[i].Weight) return weighted[i].Status;
            roll -= weighted[i].Weight;
        }
        return weighted[^1].Status;
    }

    /// <summary>The creation time of record <paramref name="index"/> alone (its first draw).</summary>
    public long GmtCreateOf(long index) => TimeBase + index * TimeStep + Stream(index).Next(0, TimeStep);

    private sealed record Block(int[] Pattern, long[] PurchaseOrderIds, long[] PayOrderIds, int[] Suppliers, long SalesOrderId);

    private Block BlockOf(long block)
    {
        var rng = SplitMix64.ForItem(_seed, BlockStream, block);
        int[] pattern = rng.Pick(BlockPatterns);
        var purchaseOrders = new long[BlockSize];
        var payOrders = new long[BlockSize];
        var suppliers = new int[BlockSize];
        for (int part = 0; part < BlockSize; part++)
        {
            purchaseOrders[part] = PurchaseOrderBase + block * PurchaseOrderPerBlock + part * PurchaseOrderPerPart + rng.Next(0, PurchaseOrderPerPart);
            payOrders[part] = long.Parse("4" + rng.Digits(18, firstMin: 0), CultureInfo.InvariantCulture);
            suppliers[part] = rng.Next(0, SupplierCount);
        }
        long salesOrder = SalesOrderBase + block * SalesOrderPerBlock + rng.Next(0, SalesOrderPerBlock);
        return new Block(pattern, purchaseOrders, payOrders, suppliers, salesOrder);
    }

    private sealed record Supplier(long Id, bool Tmall, string Receiver, string Phone, string Address);

    private static Supplier MakeSupplier(SplitMix64 rng)
    {
        var place = rng.Pick(Vocabulary.Places);
        return new Supplier(
            Id: long.Parse("22" + rng.Digits(8, 0), CultureInfo.InvariantCulture),
            Tmall: rng.Chance(0.3),
            Receiver: rng.Pick(Vocabulary.Surnames) + rng.Pick(Vocabulary.GivenNames),
            Phone: rng.Pick(Vocabulary.MobilePrefixes) + rng.Digits(8, 0),
            Address: $"{place.Province}{place.City}{place.District}{rng.Pick(Vocabulary.StreetNames)}{rng.Next(1, 999)}号");
    }

    private static string Letters(SplitMix64 rng, int count)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var chars = new char[count];
        for (int i = 0; i < count; i++) chars[i] = Alphabet[rng.Next(0, Alphabet.Length)];
        return new string(chars);
    }

    private static readonly int[] Quantities = [1, 1, 1, 1, 2, 2, 3, 4, 5, 10];
    private static readonly string[] TitlePrefixes = ["", "", "【官方正品】", "2025新款", "包邮", "天猫同款", "现货速发"];
    private static readonly string[] TitleSuffixes = ["", "", "家用", "学生", "送礼", "大容量", "男女通用"];

    private static readonly (long Id, string Text)[] NotShippedReasons =
        [(100001, "不想要了"), (100002, "拍错/多拍"), (100003, "地址/电话填写错误"), (100004, "商家缺货"), (100005, "协商一致退款")];
    private static readonly (long Id, string Text)[] InTransitReasons =
        [(100011, "快递一直未送达"), (100012, "快递无跟踪记录"), (100013, "空包裹"), (100014, "不想要了")];
    private static readonly (long Id, string Text)[] ReceivedReasons =
        [(100021, "少件/漏发"), (100022, "商品破损/污渍"), (100023, "质量问题"), (100024, "协商一致退款")];
    private static readonly (long Id, string Text)[] ReturnReasons =
        [(100031, "七天无理由退换货"), (100032, "尺码/规格不合适"), (100033, "质量问题"), (100034, "与商品描述不符"), (100035, "卖家发错货")];

    private static readonly string[] Descriptions = ["", "", "客户不要了", "收到货有破损，图片已上传", "和卖家沟通过了", "尺码偏小", "等了很久没有物流信息"];
    private static readonly (string Reason, string Describe)[] Refusals =
    [
        ("买家提供的凭证无效", "图片无法证明商品有质量问题"),
        ("商品已发出", "包裹已在途中，请收货后再申请"),
        ("退回商品影响二次销售", "吊牌已拆，无法退货"),
        ("与买家协商一致补发", "已补发缺少的配件"),
    ];
    private static readonly string[] AgreeTexts = ["同意退货，请寄回并填写运单号", "请保持商品完好，寄回时附上订单号", "同意退货，不接受到付"];
    private static readonly string[] ReturnDescriptions = ["已寄回，请查收", "已按要求包装寄回", ""];
    private static readonly (string Code, string Name)[] Carriers =
        [("SF", "顺丰快递"), ("ZTO", "中通快递"), ("YTO", "圆通速递"), ("YUNDA", "韵达快递"), ("STO", "申通快递"), ("JTSD", "极兔速递"), ("EMS", "EMS")];
}
