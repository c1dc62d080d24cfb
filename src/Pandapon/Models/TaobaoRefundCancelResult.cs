namespace Pandapon.Models
{
    /// <summary>What the cancel answer of a Taobao reverse order said: withdrawn or not, why not, and the reverse order after the call.</summary>
    public sealed class TaobaoRefundCancelResult
    {
        public TaobaoRefundCancelResult(string refundId, bool cancelled, bool answered, string? failReason, TaobaoRefund refund, string? requestId)
        {
            RefundId = refundId;
            Cancelled = cancelled;
            Answered = answered;
            FailReason = failReason;
            Refund = refund;
            RequestId = requestId;
        }

        public string RefundId { get; }

        /// <summary><c>cancelSuccess</c> was true.</summary>
        public bool Cancelled { get; }

        /// <summary><c>cancelSuccess</c> was there and readable (false: the answer did not say).</summary>
        public bool Answered { get; }

        /// <summary>Why it was not withdrawn, when the answer says (<c>cancelFailReason</c>).</summary>
        public string? FailReason { get; }

        public TaobaoRefund Refund { get; }

        public string? RequestId { get; }
    }
}
