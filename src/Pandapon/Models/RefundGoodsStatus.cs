namespace Pandapon.Models
{
    /// <summary>
    /// Where the goods are, as a refund's record says it (<c>goodsStatus</c>, a number there): 1688 documents
    /// 1, 2 and 3 (docs/api.md, "Refund info", upstream). Not the five strings a new refund takes (-GoodsStatus of
    /// New-PandaponRefund), which also say whether the refund is in-sale or after-sale. A number 1688 adds later
    /// stays visible as that number.
    /// </summary>
    public enum RefundGoodsStatus
    {
        /// <summary>The buyer has not received the goods (1).</summary>
        BuyerNotReceived = 1,

        /// <summary>The buyer has received the goods (2).</summary>
        BuyerReceived = 2,

        /// <summary>The buyer has sent the goods back (3).</summary>
        BuyerReturned = 3,
    }
}
