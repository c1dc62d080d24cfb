namespace Pandapon.Sandbox.Taobao;

/// <summary>How <c>POST /open/order/refund/queryList</c> writes its rows (undocumented, so the sandbox offers both).</summary>
public enum TaobaoListShape
{
    /// <summary>Each row is the detail's aggregate (<c>refundOrder</c>, <c>purchaseOrderLine</c>, <c>logistics</c>) with a top-level <c>refundId</c>.</summary>
    Nested,

    /// <summary>Each row holds the fields of the three parts at its top level.</summary>
    Flat,
}

/// <summary>The integer statuses of a Taobao reverse order (docs/api-taobao-refunds.md).</summary>
public static class TaobaoStatus
{
    public const int NotApplied = 0, Applied = 10, SellerAgreed = 20, WaitingSellerReceipt = 30, Succeeded = 100, SellerRefused = -10, Closed = -20;

    public static readonly int[] Known = [NotApplied, Applied, SellerAgreed, WaitingSellerReceipt, Succeeded, SellerRefused, Closed];

    /// <summary>The buyer may withdraw only before the goods are on their way back.</summary>
    public static bool BuyerMayCancel(int status) => status is Applied or SellerAgreed;
}

/// <summary>Which parts of a record the wire carries in an unusual way (the awkward records).</summary>
public sealed class TaobaoQuirks
{
    /// <summary>refundId, purchaseOrderId, purchaseOrderLineId, salesOrderId, payOrderId, supplierId as JSON strings.</summary>
    public bool IdsAsStrings { get; init; }

    /// <summary>refundFee, price, productFee, postFee, totalPrice as JSON strings of fen.</summary>
    public bool AmountsAsStrings { get; init; }

    /// <summary>Only refundId, refundStatus and gmtCreate; purchaseOrderLine and logistics null.</summary>
    public bool Sparse { get; init; }
}

/// <summary>The buyer's return shipment and the seller's return address.</summary>
public sealed record TaobaoReturn(
    string Receiver, string ReceiverPhone, string DetailAddress, string SellerAgreeReturnDescribe,
    string? CompanyCode, string? CompanyName, string? LogisticsNo, string? BuyerPhone, string? ReturnGoodsDesc,
    bool CodeSpelledWithoutS);

/// <summary>
/// One Taobao reverse order as the sandbox's wire writes it. Amounts are fen, times epoch milliseconds. Nothing here is
/// shared with the module, so a mapping bug there cannot be mirrored here.
/// </summary>
public sealed class TaobaoRefund
{
    public long RefundId { get; set; }
    public int Status { get; set; }
    public int RefundType { get; set; }
    public int GoodsStatus { get; set; }
    public long RefundFee { get; set; }
    public long MaxRefundFee { get; set; }
    public bool CanEditFee { get; set; }
    public long PayOrderId { get; set; }
    public long ReasonId { get; set; }
    public string ReasonDesc { get; set; } = "";
    public string RefundDesc { get; set; } = "";
    public string? SellerRefuseReason { get; set; }
    public string? SellerRefuseReasonDescribe { get; set; }
    public string? TimeoutType { get; set; }
    public long? TimeoutDate { get; set; }
    public long GmtCreate { get; set; }
    public long GmtModified { get; set; }

    public long PurchaseOrderId { get; set; }
    public long PurchaseOrderLineId { get; set; }
    public long SalesOrderId { get; set; }
    public long SupplierId { get; set; }
    public string SalesMarket { get; set; } = "";
    public string ItemTitle { get; set; } = "";
    public string ItemImageUrl { get; set; } = "";
    public int Quantity { get; set; }
    public long Price { get; set; }
    public long PostFee { get; set; }
    public long OrderCreateTime { get; set; }

    public long ProductFee => Price * Quantity;
    public long TotalPrice => ProductFee + PostFee;

    /// <summary>Null for a refund only, and for a return the seller has not agreed to yet.</summary>
    public TaobaoReturn? Return { get; set; }

    public TaobaoQuirks? Quirks { get; set; }
}
