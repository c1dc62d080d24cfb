using System.Globalization;
using System.Text;

namespace Pandapon.Sandbox.Data;

/// <summary>A refund application that passed every check: what <see cref="RefundWorkflow.Open"/> records.</summary>
internal sealed record RefundApplicationInput(
    SandboxOrder Order, List<OrderEntry> Entries, bool ReturnGoods, string GoodsStatus, long ApplyPaymentFen, long ApplyCarriageFen,
    Vocabulary.Reason Reason, string Description, List<string> Vouchers, Dictionary<long, int> Counts, long CanRefundFen);

/// <summary>
/// The changes the API (and the sandbox's seller controls) make to refunds, written into the wire records the way the
/// generator writes its histories: same fields, same operation texts, newest operation first. Times are Beijing time, now.
/// Callers hold the store's lock.
/// </summary>
internal static class RefundWorkflow
{
    private const ulong CreatedRefundStream = 0x4352_4541_5445_0001;

    public static DateTime BeijingNow() => DateTime.SpecifyKind(DateTime.UtcNow.AddHours(8), DateTimeKind.Unspecified);

    /// <summary>A generator for the <paramref name="index"/>-th refund opened through the API: ids depend on the seed and the count only.</summary>
    public static SplitMix64 CreatedRandom(long seed, long index, int attempt)
        => SplitMix64.ForItem(seed, CreatedRefundStream + (ulong)attempt, index);

    /// <summary>The record of a new refund, status waitselleragree, with the buyer's application as its only operation.</summary>
    public static RefundRecord Open(RefundApplicationInput a, string refundId, DateTime now, SplitMix64 rng)
    {
        SandboxOrder order = a.Order;
        bool received = a.GoodsStatus is "refundBuyerReceived" or "aftersaleBuyerReceived";
        bool afterSale = a.GoodsStatus.StartsWith("aftersale", StringComparison.Ordinal);
        var counts = new StringBuilder("{");
        foreach (var entry in a.Entries)
        {
            if (counts.Length > 1) counts.Append(',');
            int quantity = a.Counts.TryGetValue(entry.EntryId, out int given) ? given : entry.Quantity;
            counts.Append('"').Append(entry.EntryId.ToString(CultureInfo.InvariantCulture)).Append("\":").Append(quantity.ToString(CultureInfo.InvariantCulture));
        }
        counts.Append('}');

        string applyText = $"退款原因：{a.Reason.Name}；退款货品金额：{RefundGenerator.Yuan(a.ApplyPaymentFen)}元；退运费金额：{RefundGenerator.Yuan(a.ApplyCarriageFen)}元；说明：{a.Description}";
        var apply = new RefundOperation
        {
            Id = 30_000_000_000L + rng.Next(0, 9_000_000_000L),
            RefundId = refundId,
            GmtCreate = RefundGenerator.Gmt(now),
            GmtModified = RefundGenerator.Gmt(now),
            BeforeOperateStatus = null,
            AfterOperateStatus = RefundStatus.WaitSellerAgree,
            OperateTypeInt = OperationCodes.Apply,
            OperateRemark = a.ReturnGoods ? "买家申请退款退货协议，等待卖家确认" : "买家申请退款协议，等待卖家确认",
            Discription = applyText,
            OperatorRoleId = OperationCodes.Buyer,
            OperatorLoginId = order.Buyer.LoginId,
            OperatorUserId = order.Buyer.UserId,
            Vouchers = a.Vouchers.Count > 0 ? a.Vouchers : null,
            MsgType = 1,
            MessageStatus = 1,
        };

        return new RefundRecord
        {
            Id = RefundGenerator.Snowflake(now, rng),
            CreateBy = "openapi",
            CreateTime = RefundGenerator.Plain(now),
            UpdateTime = RefundGenerator.Plain(now),
            AlipayPaymentId = (order.Paid ?? order.Created).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "22001" + rng.Digits(15, 1),
            ApplyCarriage = a.ApplyCarriageFen,
            ApplyExpect = a.ApplyPaymentFen,
            ApplyPayment = a.ApplyPaymentFen,
            ApplyReason = a.Reason.Name,
            ApplyReasonId = a.Reason.Id,
            ApplySubReasonId = 0,
            BuyerAlipayId = order.Buyer.AlipayId,
            BuyerMemberId = order.Buyer.MemberId,
            BuyerSendGoods = false,
            BuyerUserId = order.Buyer.UserId,
            CanRefundPayment = a.CanRefundFen,
            CrmModifyRefund = false,
            DisputeRequest = a.ReturnGoods ? 2 : 1,
            DisputeType = afterSale ? 2 : 1,
            ExtInfo = $"{{\"payMode\":\"alipay\",\"bizCode\":\"cbu.general.refund\",\"workflowName\":\"{(a.ReturnGoods ? "cbu_return_and_refund" : "cbu_refund_only")}\",\"source\":\"openapi\"}}",
            FrozenFund = a.ApplyPaymentFen + a.ApplyCarriageFen,
            GmtApply = RefundGenerator.Gmt(now),
            GmtCreate = RefundGenerator.Gmt(now),
            GmtFreezed = RefundGenerator.Gmt(now.AddSeconds(1)),
            GmtModified = RefundGenerator.Gmt(now),
            GmtTimeOut = RefundGenerator.Gmt(now + Story.TimeoutOf(RefundStatus.WaitSellerAgree)),
            GoodsReceived = received,
            GoodsStatus = received ? 2 : 1,
            RefundId = refundId,
            InsufficientAccount = false,
            InsufficientBail = false,
            NewRefundReturn = true,
            OnlyRefund = !a.ReturnGoods,
            OrderEntryCountMap = counts.ToString(),
            OrderEntryIdList = "[" + string.Join(",", a.Entries.Select(e => e.EntryId.ToString(CultureInfo.InvariantCulture))) + "]",
            OrderId = order.OrderId,
            PrepaidBalance = 0,
            ProductName = a.Entries[0].ProductName,
            RefundCarriage = 0,
            RefundGoods = a.ReturnGoods,
            RefundPayment = 0,
            RejectTimes = 0,
            SellerAlipayId = order.Seller.AlipayId,
            SellerDelayDisburse = false,
            SellerMemberId = order.Seller.MemberId,
            SellerMobile = order.Seller.Mobile,
            SellerRealName = order.Seller.RealName,
            SellerTel = order.Seller.Tel,
            SellerUserId = order.Seller.UserId.ToString(CultureInfo.InvariantCulture),
            Status = RefundStatus.WaitSellerAgree,
            SupportNewSteppay = false,
            TimeOutFreeze = false,
            TimeOutOperateType = Story.TimeoutActionOf(RefundStatus.WaitSellerAgree),
            TradeTypeStr = "fxassure",
            RefundOperationList = [apply],
            BuyerLoginId = order.Buyer.LoginId,
            SellerLoginId = order.Seller.LoginId,
        };
    }

    /// <summary>The buyer's return shipment: waitbuyersend becomes waitsellerreceive, with the shipment as the newest operation.</summary>
    public static void ShipBack(RefundRecord r, (long Id, string Name, string No, string? Phone) company, string freightBill, string? description,
        List<string> vouchers, DateTime now)
    {
        string text = $"物流公司：{company.Name}；运单号：{freightBill}" + (string.IsNullOrWhiteSpace(description) ? "" : "；说明：" + description);
        AddOperation(r, now, RefundStatus.WaitSellerReceive, OperationCodes.SendBack, OperationCodes.Buyer, "买家已退货，等待卖家确认收货", text, op =>
        {
            op.FreightBill = freightBill;
            op.LogisticsCompany = new LogisticsCompany { Id = company.Id, CompanyName = company.Name, CompanyNo = company.No, CompanyPhone = company.Phone };
            op.Vouchers = vouchers.Count > 0 ? vouchers : null;
        });
        r.BuyerSendGoods = true;
        r.BuyerLogisticsName = company.Name;
        r.FreightBill = freightBill;
        r.GoodsStatus = 3;
        r.GoodsReceived = true;
    }

    /// <summary>
    /// The seller agrees (a sandbox control, no API): a return and refund waits for the goods (waitbuyersend, with the
    /// address to send them to); a refund only is paid at once (refundsuccess).
    /// </summary>
    public static void SellerAgrees(RefundRecord r, string sellerAddress, DateTime now)
    {
        if (r.RefundGoods == true)
        {
            string address = $"{sellerAddress}，收件人：{r.SellerRealName}，电话：{r.SellerMobile}";
            AddOperation(r, now, RefundStatus.WaitBuyerSend, OperationCodes.Agree, OperationCodes.Seller, "卖家同意退款退货协议，等待买家退货", null,
                op => op.RefundAddress = address);
            r.SellerReceiveAddress = sellerAddress;
            return;
        }
        AddOperation(r, now, RefundStatus.Success, OperationCodes.Agree, OperationCodes.Seller, "卖家同意退款协议，退款成功", null, _ => { });
        r.RefundPayment = r.ApplyPayment;
        r.RefundCarriage = r.ApplyCarriage;
        r.FrozenFund = 0;
        r.DisburseChannel = "alipay";
        r.GmtCompleted = RefundGenerator.Gmt(now);
    }

    private static void AddOperation(RefundRecord r, DateTime now, string after, int type, int role, string remark, string? discription,
        Action<RefundOperation> details)
    {
        var operations = r.RefundOperationList ??= [];
        long nextId = operations.Count == 0 ? 30_000_000_000L : operations.Max(o => o.Id) + 1;
        bool buyer = role == OperationCodes.Buyer;
        var op = new RefundOperation
        {
            Id = nextId,
            RefundId = r.RefundId,
            GmtCreate = RefundGenerator.Gmt(now),
            GmtModified = RefundGenerator.Gmt(now),
            BeforeOperateStatus = r.Status,
            AfterOperateStatus = after,
            OperateTypeInt = type,
            OperateRemark = remark,
            Discription = discription,
            OperatorRoleId = role,
            OperatorLoginId = buyer ? r.BuyerLoginId : r.SellerLoginId,
            OperatorUserId = buyer ? r.BuyerUserId : long.TryParse(r.SellerUserId, out long seller) ? seller : null,
            MsgType = 1,
            MessageStatus = 1,
        };
        details(op);
        operations.Insert(0, op);   // newest first, as upstream lists them

        r.Status = after;
        r.GmtModified = RefundGenerator.Gmt(now);
        r.GmtTimeOut = RefundStatus.IsFinal(after) ? null : RefundGenerator.Gmt(now + Story.TimeoutOf(after));
        r.TimeOutOperateType = RefundStatus.IsFinal(after) ? null : Story.TimeoutActionOf(after);
        r.UpdateTime = RefundGenerator.Plain(now);
        r.UpdateBy = "system";
    }
}
