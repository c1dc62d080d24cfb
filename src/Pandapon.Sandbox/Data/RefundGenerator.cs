using System.Globalization;
using System.Text;
using static Pandapon.Sandbox.Data.Vocabulary;

namespace Pandapon.Sandbox.Data;

/// <summary>The six refund statuses of 1688 (docs/api.md, "Refund info").</summary>
public static class RefundStatus
{
    public const string WaitSellerAgree = "waitselleragree";
    public const string WaitBuyerModify = "waitbuyermodify";
    public const string WaitBuyerSend = "waitbuyersend";
    public const string WaitSellerReceive = "waitsellerreceive";
    public const string Success = "refundsuccess";
    public const string Close = "refundclose";

    public static bool IsFinal(string status) => status is Success or Close;
}

/// <summary>What the buyer asked for: refund only (goods not received, or received) or return and refund.</summary>
public enum RefundFlow
{
    RefundNotReceived,
    RefundReceived,
    ReturnAndRefund,
}

/// <summary>
/// Makes realistic, consistent 1688 after-sales records from a seed. Record <c>i</c> depends only on the seed
/// and <c>i</c> (its own SplitMix64 stream), so <c>--refunds 10</c> gives the first ten records of <c>--refunds 1000</c>.
/// </summary>
public sealed class RefundGenerator
{
    private const ulong RefundStream = 0x5245_4655_4E44_0001;
    private const ulong SellerStream = 0x5345_4C4C_4552_0001;
    private const ulong BuyerStream = 0x4255_5945_5200_0001;
    private const ulong DeveloperStream = 0x4445_5645_4C4F_0001;
    private const int SellerCount = 60;

    // MyBatis-Plus / Twitter snowflake epoch: PandaPon's row ids and developId look like snowflake ids.
    private const long SnowflakeEpochMs = 1288834974657;
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly DateTime WindowStart = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
    private const int WindowMinutes = 300 * 24 * 60;

    private static readonly (RefundFlow, int)[] FlowWeights =
        [(RefundFlow.RefundNotReceived, 35), (RefundFlow.RefundReceived, 25), (RefundFlow.ReturnAndRefund, 40)];

    private static readonly (string, int)[] RefundOnlyStatusWeights =
    [
        (RefundStatus.Success, 55), (RefundStatus.Close, 17), (RefundStatus.WaitSellerAgree, 18), (RefundStatus.WaitBuyerModify, 10),
    ];

    private static readonly (string, int)[] ReturnStatusWeights =
    [
        (RefundStatus.Success, 40), (RefundStatus.Close, 12), (RefundStatus.WaitSellerAgree, 12),
        (RefundStatus.WaitBuyerSend, 16), (RefundStatus.WaitSellerReceive, 14), (RefundStatus.WaitBuyerModify, 6),
    ];

    internal static readonly int[] Quantities = [1, 1, 1, 2, 2, 3, 4, 5, 6, 10, 12, 20, 24, 50, 100];

    // Unit prices in fen, cheap goods most often. Integer arithmetic only: floating-point functions such as
    // Math.Exp may differ in the last bit between platforms, and the data must not.
    internal static readonly ((long, long), int)[] PriceBands =
        [((100, 500), 30), ((500, 1500), 35), ((1500, 5000), 25), ((5000, 20000), 10)];

    private readonly long _seed;
    private readonly Party[] _sellers;
    private readonly Party[] _buyers;

    /// <summary>The sellers orders and refunds are drawn from (for the sandbox's fresh orders).</summary>
    internal IReadOnlyList<Party> Sellers => _sellers;

    /// <summary>PandaPon's buyer accounts: the sandbox's caller buys with them.</summary>
    internal IReadOnlyList<Party> Buyers => _buyers;

    public RefundGenerator(long seed)
    {
        _seed = seed;
        _sellers = Enumerable.Range(0, SellerCount).Select(i => MakeSeller(SplitMix64.ForItem(seed, SellerStream, i))).ToArray();
        _buyers = new[] { "pandapon采购", "熊猫代采01", "熊猫代采02" }
            .Select((login, i) => MakeBuyer(login, SplitMix64.ForItem(seed, BuyerStream, i))).ToArray();
        var developer = SplitMix64.ForItem(seed, DeveloperStream, 0);
        DevelopId = "1" + developer.Digits(18, firstMin: 0);
    }

    /// <summary>The developer id of this sandbox's account, sent as a string in every envelope.</summary>
    public string DevelopId { get; }

    /// <summary>
    /// Record <paramref name="index"/>. <paramref name="attempt"/> &gt; 0 draws again (used only if a refund id
    /// collides). <paramref name="flow"/> and <paramref name="status"/> force the story, for the awkward records.
    /// </summary>
    public RefundRecord Generate(long index, int attempt = 0, RefundFlow? flow = null, string? status = null)
    {
        var rng = SplitMix64.ForItem(_seed, RefundStream + (ulong)attempt, index);
        var r = new RefundRecord { RefundId = "TQ" + rng.Digits(17, firstMin: 2) };

        RefundFlow kind = flow ?? rng.PickWeighted(FlowWeights);
        bool isReturn = kind == RefundFlow.ReturnAndRefund;
        string target = status ?? rng.PickWeighted(isReturn ? ReturnStatusWeights : RefundOnlyStatusWeights);
        if (!isReturn && target is RefundStatus.WaitBuyerSend or RefundStatus.WaitSellerReceive)
            throw new ArgumentException($"A refund without a return cannot be '{target}'.", nameof(status));
        Party seller = rng.Pick(_sellers);
        Party buyer = rng.Pick(_buyers);

        // The order: 1 to 3 entries; prices in fen, wholesale quantities.
        long orderId = long.Parse((rng.Chance(0.5) ? "2" : "3") + rng.Digits(18, firstMin: 0), CultureInfo.InvariantCulture);
        int entryCount = rng.PickWeighted([(1, 70), (2, 20), (3, 10)]);
        int refundedEntries = rng.Chance(0.7) ? entryCount : rng.Next(1, entryCount + 1);
        var entryIds = new List<long>();
        var bought = new List<OrderLine>();
        var countMap = new StringBuilder("{");
        long canRefund = 0, returnValue = 0;
        for (int e = 0; e < refundedEntries; e++)
        {
            long entryId = orderId + 1 + e;
            var (low, high) = rng.PickWeighted(PriceBands);
            long unitPrice = rng.Next(low / 10, high / 10 + 1) * 10;
            int quantity = rng.Pick(Quantities);
            int refundQuantity = isReturn && !rng.Chance(0.7) ? rng.Next(1, quantity + 1) : quantity;
            entryIds.Add(entryId);
            bought.Add(new OrderLine(entryId, unitPrice, quantity));
            if (e > 0) countMap.Append(',');
            countMap.Append('"').Append(entryId.ToString(CultureInfo.InvariantCulture)).Append("\":").Append(refundQuantity.ToString(CultureInfo.InvariantCulture));
            canRefund += unitPrice * quantity;
            returnValue += unitPrice * refundQuantity;
        }
        countMap.Append('}');
        long carriage = rng.Chance(0.55) ? 0 : rng.Next(3, 21) * 100L;

        // Amounts in fen: refunded <= applied <= refundable.
        long applyPayment = isReturn ? returnValue
            : rng.Chance(0.65) ? canRefund
            : Math.Max(1, canRefund * rng.Next(10, 96) / 100);
        long applyCarriage = kind == RefundFlow.RefundNotReceived && refundedEntries == entryCount ? carriage : 0;

        Reason reason = rng.Pick(kind switch
        {
            RefundFlow.RefundNotReceived => NotReceivedReasons,
            RefundFlow.RefundReceived => ReceivedReasons,
            _ => ReturnReasons,
        });
        string? subReason = reason.SubReasons.Length > 0 && rng.Chance(0.6) ? rng.Pick(reason.SubReasons) : null;
        string explanation = rng.Pick(kind switch
        {
            RefundFlow.RefundNotReceived => NotReceivedExplanations,
            RefundFlow.RefundReceived => ReceivedExplanations,
            _ => ReturnExplanations,
        });

        DateTime applied = WindowStart.AddMinutes(rng.Next(0, WindowMinutes)).AddSeconds(rng.Next(0, 60)).AddMilliseconds(rng.Next(0, 1000));
        var story = new Story(rng, r.RefundId, applied, buyer, seller, isReturn, kind switch
        {
            RefundFlow.RefundNotReceived => NotReceivedRejects,
            RefundFlow.RefundReceived => ReceivedRejects,
            _ => ReturnRejects,
        });
        string applyText = $"退款原因：{reason.Name}；退款货品金额：{Yuan(applyPayment)}元；退运费金额：{Yuan(applyCarriage)}元"
            + (explanation.Length > 0 ? "；说明：" + explanation : "");
        List<string>? vouchers = reason.NeedVoucher ? Vouchers(rng, buyer.UserId) : null;
        story.Tell(target, applyText, vouchers);

        bool success = target == RefundStatus.Success;
        long refundPayment = success ? (rng.Chance(0.92) ? applyPayment : Math.Max(1, applyPayment * rng.Next(80, 100) / 100)) : 0;
        bool final = RefundStatus.IsFinal(target);
        DateTime last = story.Last;

        // PandaPon syncs a refund a few minutes after 1688 records a change.
        DateTime created = applied.AddMinutes(rng.Next(2, 40));
        DateTime updated = story.Operations.Count > 1 ? last.AddMinutes(rng.Next(2, 40)) : created;
        r.CreateTime = Plain(created);
        r.Id = Snowflake(created, rng);
        r.CreateBy = "system";
        r.CreateById = null;
        r.UpdateTime = Plain(updated > created ? updated : created);
        r.UpdateBy = story.Operations.Count > 1 ? "system" : null;
        r.UpdateById = null;
        r.Remark = rng.Chance(0.12) ? rng.Pick(Remarks) : null;

        r.AlipayPaymentId = applied.AddDays(-rng.Next(1, 21)).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "22001" + rng.Digits(15, 1);
        r.ApplyCarriage = applyCarriage;
        r.ApplyExpect = rng.Chance(0.45) ? applyPayment : null;
        r.ApplyPayment = applyPayment;
        r.ApplyReason = reason.Name;
        r.ApplyReasonId = reason.Id;
        r.ApplySubReason = subReason;
        // Upstream sends 0, not null, when there is no sub-reason.
        r.ApplySubReasonId = subReason is null ? 0 : reason.Id * 100 + 1 + Array.IndexOf(reason.SubReasons, subReason);
        r.BuyerAlipayId = buyer.AlipayId;
        r.BuyerLogisticsName = story.Shipment?.Company.Name;
        r.BuyerMemberId = buyer.MemberId;
        r.BuyerSendGoods = story.Shipment is not null;
        r.BuyerUserId = buyer.UserId;
        r.CanRefundPayment = canRefund;
        r.CrmModifyRefund = false;
        r.DisburseChannel = success ? "alipay" : null;
        r.DisputeRequest = isReturn ? 2 : 1;
        r.DisputeType = kind == RefundFlow.RefundNotReceived ? 1 : rng.Chance(0.8) ? 2 : 1;
        r.ExtInfo = rng.Chance(0.15) ? null
            : $"{{\"payMode\":\"alipay\",\"bizCode\":\"cbu.general.refund\",\"workflowName\":\"{(isReturn ? "cbu_return_and_refund" : "cbu_refund_only")}\",\"7d\":\"{(rng.Chance(0.6) ? 1 : 0)}\"}}";
        r.FreightBill = story.Shipment?.FreightBill;
        r.FrozenFund = final ? 0 : applyPayment + applyCarriage;
        r.GmtApply = Gmt(applied);
        r.GmtCompleted = final ? Gmt(last) : null;
        r.GmtCreate = Gmt(applied);
        r.GmtFreezed = rng.Chance(0.9) ? Gmt(applied.AddSeconds(rng.Next(1, 5))) : null;
        r.GmtModified = Gmt(last);
        r.GmtTimeOut = final ? null : Gmt(last + Story.TimeoutOf(target));
        r.GoodsStatus = story.Shipment is not null ? 3 : kind == RefundFlow.RefundNotReceived ? 1 : 2;
        r.GoodsReceived = r.GoodsStatus != 1;
        r.InstantRefundType = success && kind == RefundFlow.RefundNotReceived && rng.Chance(0.2) ? "fastRefund" : null;
        r.InsufficientAccount = false;
        r.InsufficientBail = false;
        r.NewRefundReturn = rng.Chance(0.9);
        r.OnlyRefund = !isReturn;
        r.OrderEntryCountMap = countMap.ToString();
        r.OrderEntryIdList = "[" + string.Join(",", entryIds) + "]";
        r.OrderId = orderId;
        r.PrepaidBalance = 0;
        r.ProductName = ProductName(rng);
        r.RefundCarriage = success ? applyCarriage : 0;
        r.RefundGoods = isReturn;
        r.RefundPayment = refundPayment;
        r.RejectReason = story.LastReject?.Text;
        r.RejectReasonId = story.LastReject?.Id;
        r.RejectTimes = story.Rejections;
        r.SellerAlipayId = seller.AlipayId;
        r.SellerDelayDisburse = false;
        r.SellerMemberId = seller.MemberId;
        r.SellerMobile = seller.Mobile;
        r.SellerRealName = seller.RealName;
        r.SellerReceiveAddress = story.ReturnAgreed ? seller.Address : null;
        r.SellerTel = seller.Tel;
        r.SellerUserId = seller.UserId.ToString(CultureInfo.InvariantCulture);
        r.Status = target;
        r.SupportNewSteppay = false;
        r.TaskStatus = null;
        r.TimeOutFreeze = false;
        r.TimeOutOperateType = final ? null : Story.TimeoutActionOf(target);
        r.TradeTypeStr = rng.PickWeighted([("fxassure", 70), ("alipay", 20), ("period", 10)]);
        r.RefundOperationList = story.NewestFirst();
        r.BuyerLoginId = buyer.LoginId;
        r.SellerLoginId = seller.LoginId;
        // What the order looked like, for /alibaba/order/detail: only values already drawn, so the record stays the same.
        r.Origin = new GeneratedOrder(index, orderId, entryCount, bought, carriage, applied, buyer, seller, kind, r.DisputeType.Value, target);
        return r;
    }

    /// <summary>1688 date form: <c>yyyyMMddHHmmssSSS+0800</c>.</summary>
    internal static string Gmt(DateTime beijing) => beijing.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "+0800";

    /// <summary>PandaPon's own form for createTime/updateTime: <c>yyyy-MM-dd HH:mm:ss</c> (Beijing time).</summary>
    internal static string Plain(DateTime beijing) => beijing.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    internal static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    internal static long Snowflake(DateTime beijing, SplitMix64 rng)
    {
        long utcMs = new DateTimeOffset(beijing, Beijing).ToUnixTimeMilliseconds();
        return ((utcMs - SnowflakeEpochMs) << 22) + rng.Next(0L, 1L << 22);
    }

    internal static string ProductName(SplitMix64 rng)
        => rng.Pick(ProductPrefixes) + rng.Pick(ProductStyles) + rng.Pick(ProductItems) + rng.Pick(ProductSuffixes);

    private static List<string> Vouchers(SplitMix64 rng, long buyerUserId)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var list = new List<string>();
        int count = rng.Next(1, 4);
        for (int i = 0; i < count; i++)
        {
            var name = new char[20];
            for (int c = 0; c < name.Length; c++) name[c] = Alphabet[rng.Next(0, Alphabet.Length)];
            list.Add($"https://cbu01.alicdn.com/img/ibank/O1CN01{new string(name)}_!!{buyerUserId}-0-cib.jpg");
        }
        return list;
    }

    private static Party MakeSeller(SplitMix64 rng)
    {
        var place = rng.Pick(Places);
        string realName = rng.Pick(Surnames) + rng.Pick(GivenNames);
        string mobile = rng.Pick(MobilePrefixes) + rng.Digits(8, 0);
        long userId = long.Parse("22" + rng.Digits(8, 0), CultureInfo.InvariantCulture);
        return new Party(
            LoginId: place.District + rng.Pick(CompanyWords) + rng.Pick(CompanyKinds),
            UserId: userId,
            MemberId: "b2b-" + userId.ToString(CultureInfo.InvariantCulture) + (rng.Chance(0.5) ? Convert.ToHexStringLower(BitConverter.GetBytes(rng.NextUInt64()))[..5] : ""),
            AlipayId: "2088" + rng.Digits(12, 0),
            RealName: realName,
            Mobile: mobile,
            Tel: rng.Chance(0.6) ? place.AreaCode + "-" + rng.Digits(8, 2) : null,
            Address: $"{place.Province}{place.City}{place.District}{rng.Pick(StreetNames)}{rng.Next(1, 999)}号");
    }

    private static Party MakeBuyer(string loginId, SplitMix64 rng)
    {
        long userId = long.Parse("2" + rng.Digits(12, 1), CultureInfo.InvariantCulture);
        return new Party(loginId, userId, "b2b-" + userId.ToString(CultureInfo.InvariantCulture), "2088" + rng.Digits(12, 0), "", "", null, "");
    }
}

/// <summary>One entry of an order as bought: unit price in fen and quantity.</summary>
internal sealed record OrderLine(long EntryId, long UnitPriceFen, int Quantity);

/// <summary>The order behind a generated refund, as far as the refund's own draws tell it.</summary>
internal sealed record GeneratedOrder(long Index, long OrderId, int EntryCount, List<OrderLine> RefundedLines, long ShippingFeeFen, DateTime Applied,
    Party Buyer, Party Seller, RefundFlow Flow, int DisputeType, string RefundStatus);

/// <summary>A 1688 member: the seller of an order, or one of PandaPon's buyer accounts.</summary>
internal sealed record Party(string LoginId, long UserId, string MemberId, string AlipayId, string RealName, string Mobile, string? Tel, string Address);

/// <summary>The return shipment the buyer sent back.</summary>
internal sealed record Shipment((long Id, string Name, string No, string? Phone) Company, string FreightBill);

/// <summary>Operation types and operator roles of a refund's history (inferred: the documents do not list them).</summary>
internal static class OperationCodes
{
    public const int Apply = 1, Modify = 2, Agree = 3, Reject = 4, SendBack = 5, ConfirmReceipt = 6, Cancel = 7, SystemAction = 8;
    public const int Buyer = 1, Seller = 2, System = 3;
}

/// <summary>
/// Walks a refund from the buyer's application to its target status, one plausible step at a time, and
/// records each step as upstream does. Operation codes and roles are inferred (1 buyer, 2 seller, 3 system).
/// </summary>
internal sealed class Story
{
    private const int Apply = OperationCodes.Apply, Modify = OperationCodes.Modify, Agree = OperationCodes.Agree, Reject = OperationCodes.Reject,
        SendBack = OperationCodes.SendBack, ConfirmReceipt = OperationCodes.ConfirmReceipt, Cancel = OperationCodes.Cancel, SystemAction = OperationCodes.SystemAction;
    private const int Buyer = OperationCodes.Buyer, Seller = OperationCodes.Seller, System = OperationCodes.System;

    private readonly List<RefundOperation> _operations = [];
    private readonly string _refundId;
    private readonly Party _buyer;
    private readonly Party _seller;
    private readonly bool _isReturn;
    private readonly (long Id, string Text)[] _rejects;
    private readonly SplitMix64 _rng;
    private long _nextOperationId;
    private string _status = "";
    private string _applyText = "";
    private List<string>? _vouchers;

    public Story(SplitMix64 rng, string refundId, DateTime applied, Party buyer, Party seller, bool isReturn, (long Id, string Text)[] rejects)
    {
        _rejects = rejects;
        _rng = rng;
        _refundId = refundId;
        _buyer = buyer;
        _seller = seller;
        _isReturn = isReturn;
        Last = applied;
        _nextOperationId = 30_000_000_000L + _rng.Next(0, 9_000_000_000L);
    }

    public DateTime Last { get; private set; }
    public IReadOnlyList<RefundOperation> Operations => _operations;
    public int Rejections { get; private set; }
    public (long Id, string Text)? LastReject { get; private set; }
    public Shipment? Shipment { get; private set; }
    public bool ReturnAgreed { get; private set; }

    public static TimeSpan TimeoutOf(string status) => status switch
    {
        RefundStatus.WaitSellerAgree => TimeSpan.FromDays(3),
        RefundStatus.WaitSellerReceive => TimeSpan.FromDays(10),
        _ => TimeSpan.FromDays(7),
    };

    public static string TimeoutActionOf(string status) => status switch
    {
        RefundStatus.WaitSellerAgree => "SYSTEM_AGREE_REFUND",
        RefundStatus.WaitSellerReceive => "SYSTEM_CONFIRM_RECEIVE_GOODS",
        _ => "SYSTEM_CLOSE_REFUND",
    };

    public List<RefundOperation> NewestFirst() => Enumerable.Reverse(_operations).ToList();

    /// <summary>Plays the steps that end in <paramref name="target"/>.</summary>
    public void Tell(string target, string applyText, List<string>? vouchers)
    {
        _applyText = applyText;
        _vouchers = vouchers;
        Step(Apply, Buyer, RefundStatus.WaitSellerAgree, _isReturn ? "买家申请退款退货协议，等待卖家确认" : "买家申请退款协议，等待卖家确认",
            TimeSpan.Zero, discription: applyText, vouchers: vouchers);

        switch (target)
        {
            case RefundStatus.WaitSellerAgree:
                MaybeNegotiate(0.2);
                break;
            case RefundStatus.WaitBuyerModify:
                MaybeNegotiate(0.15);
                SellerRejects();
                break;
            case RefundStatus.WaitBuyerSend:
                MaybeNegotiate(0.15);
                SellerAgreesReturn();
                break;
            case RefundStatus.WaitSellerReceive:
                MaybeNegotiate(0.15);
                SellerAgreesReturn();
                BuyerSendsBack();
                break;
            case RefundStatus.Success:
                MaybeNegotiate(0.15);
                if (_isReturn)
                {
                    SellerAgreesReturn();
                    BuyerSendsBack();
                    if (_rng.Chance(0.1))
                        Step(SystemAction, System, RefundStatus.Success, "卖家超时未确认收货，系统自动退款，退款成功", TimeoutOf(_status));
                    else
                        Step(ConfirmReceipt, Seller, RefundStatus.Success, "卖家确认收货，退款成功", Wait(24 * 60, 5 * 24 * 60));
                }
                else if (_rng.Chance(0.12))
                {
                    Step(SystemAction, System, RefundStatus.Success, "卖家超时未处理，系统自动同意退款，退款成功", TimeoutOf(_status));
                }
                else
                {
                    Step(Agree, Seller, RefundStatus.Success, "卖家同意退款协议，退款成功", Wait(10, 2 * 24 * 60));
                }
                break;
            case RefundStatus.Close:
                int path = _rng.Next(0, _isReturn ? 3 : 2);
                if (path == 0)
                {
                    MaybeNegotiate(0.1);
                    BuyerCancels();
                }
                else if (path == 1)
                {
                    SellerRejects();
                    if (_rng.Chance(0.5)) BuyerCancels();
                    else Step(SystemAction, System, RefundStatus.Close, "买家超时未修改退款协议，退款关闭", TimeoutOf(_status));
                }
                else
                {
                    SellerAgreesReturn();
                    if (_rng.Chance(0.6)) Step(SystemAction, System, RefundStatus.Close, "买家超时未退货，退款关闭", TimeoutOf(_status));
                    else BuyerCancels();
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(target), target, "Not a refund status.");
        }
    }

    private void MaybeNegotiate(double probability)
    {
        if (!_rng.Chance(probability)) return;
        SellerRejects();
        Step(Modify, Buyer, RefundStatus.WaitSellerAgree, "买家修改退款协议，等待卖家确认", Wait(30, 2 * 24 * 60),
            discription: _applyText, vouchers: _vouchers);
    }

    private void SellerRejects()
    {
        var reject = _rng.Pick(_rejects);
        Rejections++;
        LastReject = reject;
        Step(Reject, Seller, RefundStatus.WaitBuyerModify, "卖家拒绝退款协议", Wait(10, 2 * 24 * 60),
            discription: "拒绝原因：" + reject.Text, rejectReason: reject.Text);
    }

    private void SellerAgreesReturn()
    {
        ReturnAgreed = true;
        string address = $"{_seller.Address}，收件人：{_seller.RealName}，电话：{_seller.Mobile}";
        if (_rng.Chance(0.1))
            Step(SystemAction, System, RefundStatus.WaitBuyerSend, "卖家超时未处理，系统自动同意退货，等待买家退货", TimeoutOf(_status), refundAddress: address);
        else
            Step(Agree, Seller, RefundStatus.WaitBuyerSend, "卖家同意退款退货协议，等待买家退货", Wait(10, 2 * 24 * 60), refundAddress: address);
    }

    private void BuyerSendsBack()
    {
        var company = _rng.Pick(Vocabulary.LogisticsCompanies);
        string bill = company.No switch
        {
            "ZTO" => "78" + _rng.Digits(13, 0),
            "YTO" => "YT" + _rng.Digits(13, 1),
            "YUNDA" => "43" + _rng.Digits(13, 0),
            "STO" => "77" + _rng.Digits(13, 0),
            "SF" => "SF" + _rng.Digits(13, 1),
            "JTSD" => "JT" + _rng.Digits(13, 1),
            "YZXB" => "98" + _rng.Digits(11, 0),
            "DBKD" => "DPK" + _rng.Digits(12, 1),
            _ => _rng.Digits(12, 1),
        };
        Shipment = new Shipment(company, bill);
        Step(SendBack, Buyer, RefundStatus.WaitSellerReceive, "买家已退货，等待卖家确认收货", Wait(60, 3 * 24 * 60),
            discription: $"物流公司：{company.Name}；运单号：{bill}", freightBill: bill,
            company: new LogisticsCompany { Id = company.Id, CompanyName = company.Name, CompanyNo = company.No, CompanyPhone = company.Phone });
    }

    private void BuyerCancels() => Step(Cancel, Buyer, RefundStatus.Close, "买家撤销退款申请，退款关闭", Wait(10, 3 * 24 * 60));

    private TimeSpan Wait(int minMinutes, int maxMinutes)
        => TimeSpan.FromMinutes(_rng.Next(minMinutes, maxMinutes)) + TimeSpan.FromSeconds(_rng.Next(0, 60)) + TimeSpan.FromMilliseconds(_rng.Next(0, 1000));

    private void Step(int type, int role, string after, string remark, TimeSpan wait, string? discription = null, List<string>? vouchers = null,
        string? rejectReason = null, string? refundAddress = null, string? freightBill = null, LogisticsCompany? company = null)
    {
        // A system step lands a few seconds after its deadline; people take the time drawn by the caller.
        Last += role == System ? wait + TimeSpan.FromSeconds(_rng.Next(1, 30)) : wait;
        var party = role switch { Buyer => _buyer, Seller => _seller, _ => null };
        string when = RefundGenerator.Gmt(Last);
        _operations.Add(new RefundOperation
        {
            Id = _nextOperationId,
            RefundId = _refundId,
            GmtCreate = when,
            GmtModified = when,
            BeforeOperateStatus = _operations.Count == 0 ? null : _status,
            AfterOperateStatus = after,
            OperateTypeInt = type,
            OperateRemark = remark,
            Discription = discription,
            OperatorRoleId = role,
            OperatorLoginId = party?.LoginId,
            OperatorUserId = party?.UserId,
            FreightBill = freightBill,
            LogisticsCompany = company,
            RefundAddress = refundAddress,
            RejectReason = rejectReason,
            Vouchers = vouchers,
            MsgType = party is null ? null : 1,
            MessageStatus = party is null ? null : 1,
        });
        _nextOperationId += _rng.Next(1, 5000);
        _status = after;
    }
}
