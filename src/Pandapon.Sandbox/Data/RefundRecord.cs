namespace Pandapon.Sandbox.Data;

/// <summary>
/// One 1688 after-sales record exactly as the wire carries it: the names, order and types of the seed's
/// <c>data</c> object (the sample record PandaPon documents). Amounts are fen, dates are strings in the
/// upstream formats. Nothing here is shared with the module, so a mapping bug there cannot be mirrored here.
/// </summary>
public sealed class RefundRecord
{
    // PandaPon's own row fields.
    public long? Id { get; set; }
    public string? CreateBy { get; set; }
    public long? CreateById { get; set; }
    public string? CreateTime { get; set; }
    public string? UpdateBy { get; set; }
    public long? UpdateById { get; set; }
    public string? UpdateTime { get; set; }
    public string? Remark { get; set; }

    // The 1688 fields, in the seed's order.
    public string? AlipayPaymentId { get; set; }
    public long? ApplyCarriage { get; set; }
    public long? ApplyExpect { get; set; }
    public long? ApplyPayment { get; set; }
    public string? ApplyReason { get; set; }
    public long? ApplyReasonId { get; set; }
    public string? ApplySubReason { get; set; }
    public long? ApplySubReasonId { get; set; }
    public string? BuyerAlipayId { get; set; }
    public string? BuyerLogisticsName { get; set; }
    public string? BuyerMemberId { get; set; }
    public bool? BuyerSendGoods { get; set; }
    public long? BuyerUserId { get; set; }
    public long? CanRefundPayment { get; set; }
    public bool? CrmModifyRefund { get; set; }
    public string? DisburseChannel { get; set; }
    public int? DisputeRequest { get; set; }
    public int? DisputeType { get; set; }
    public string? ExtInfo { get; set; }
    public string? FreightBill { get; set; }
    public long? FrozenFund { get; set; }
    public string? GmtApply { get; set; }
    public string? GmtCompleted { get; set; }
    public string? GmtCreate { get; set; }
    public string? GmtFreezed { get; set; }
    public string? GmtModified { get; set; }
    public string? GmtTimeOut { get; set; }
    public bool? GoodsReceived { get; set; }
    public int? GoodsStatus { get; set; }
    public string RefundId { get; set; } = "";
    public string? InstantRefundType { get; set; }
    public bool? InsufficientAccount { get; set; }
    public bool? InsufficientBail { get; set; }
    public bool? NewRefundReturn { get; set; }
    public bool? OnlyRefund { get; set; }
    /// <summary>A string holding a JSON object {entryId: quantity}, as the seed types it.</summary>
    public string? OrderEntryCountMap { get; set; }
    /// <summary>A string holding a JSON array of entry ids, as the seed types it.</summary>
    public string? OrderEntryIdList { get; set; }
    public long? OrderId { get; set; }
    public long? PrepaidBalance { get; set; }
    public string? ProductName { get; set; }
    public long? RefundCarriage { get; set; }
    public bool? RefundGoods { get; set; }
    public long? RefundPayment { get; set; }
    public string? RejectReason { get; set; }
    public long? RejectReasonId { get; set; }
    public int? RejectTimes { get; set; }
    public string? SellerAlipayId { get; set; }
    public bool? SellerDelayDisburse { get; set; }
    public string? SellerMemberId { get; set; }
    public string? SellerMobile { get; set; }
    public string? SellerRealName { get; set; }
    public string? SellerReceiveAddress { get; set; }
    public string? SellerTel { get; set; }
    public string? SellerUserId { get; set; }
    public string? Status { get; set; }
    public bool? SupportNewSteppay { get; set; }
    public string? TaskStatus { get; set; }
    public bool? TimeOutFreeze { get; set; }
    public string? TimeOutOperateType { get; set; }
    public string? TradeTypeStr { get; set; }
    /// <summary>Newest first, as upstream lists them. Written as a JSON array (or a string, see <see cref="Quirks"/>).</summary>
    public List<RefundOperation>? RefundOperationList { get; set; }
    public string? BuyerLoginId { get; set; }
    public string? SellerLoginId { get; set; }

    /// <summary>Legal oddities that real services send; empty for ordinary records.</summary>
    public RecordQuirks Quirks { get; set; } = RecordQuirks.None;

    /// <summary>The order this generated refund came from (not on the wire); null for refunds opened through the API.</summary>
    internal GeneratedOrder? Origin { get; set; }
}

/// <summary>One step of a refund's history (upstream <c>OpOrderRefundOperationModel</c>).</summary>
public sealed class RefundOperation
{
    public long Id { get; set; }
    public string RefundId { get; set; } = "";
    public string? GmtCreate { get; set; }
    public string? GmtModified { get; set; }
    public string? BeforeOperateStatus { get; set; }
    public string? AfterOperateStatus { get; set; }
    public int? OperateTypeInt { get; set; }
    public string? OperateRemark { get; set; }
    /// <summary>Spelled "discription" on the wire, as upstream spells it.</summary>
    public string? Discription { get; set; }
    public int? OperatorRoleId { get; set; }
    public string? OperatorLoginId { get; set; }
    public long? OperatorUserId { get; set; }
    public string? FreightBill { get; set; }
    public LogisticsCompany? LogisticsCompany { get; set; }
    public string? RefundAddress { get; set; }
    public string? RejectReason { get; set; }
    public List<string>? Vouchers { get; set; }
    public int? MsgType { get; set; }
    public int? MessageStatus { get; set; }
}

public sealed class LogisticsCompany
{
    public long Id { get; set; }
    public string CompanyName { get; set; } = "";
    public string CompanyNo { get; set; } = "";
    public string? CompanyPhone { get; set; }
}

/// <summary>How an awkward record departs from the usual wire form.</summary>
public sealed class RecordQuirks
{
    public static readonly RecordQuirks None = new();

    /// <summary>Wire names of numeric fields that are sent as JSON strings ("1250" instead of 1250).</summary>
    public HashSet<string> NumbersAsStrings { get; init; } = [];

    /// <summary><c>refundOperationList</c> sent as a string that holds the JSON array.</summary>
    public bool OperationListAsString { get; init; }

    /// <summary>Fields the seed does not know, written after the known ones: name and raw JSON value.</summary>
    public List<(string Name, string RawJson)> ExtraFields { get; init; } = [];
}
