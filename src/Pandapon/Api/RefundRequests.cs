using System.Collections.Generic;

namespace Pandapon.Api
{
    /// <summary>The 1688 after-sales requests, built in one place for every cmdlet that reads or changes a refund.</summary>
    public static class RefundRequests
    {
        public const string InfoPath = "/alibaba/refund/info";

        /// <summary><c>POST /alibaba/refund/info</c> with <c>{"refundId": …}</c>: a read, so it may be retried.</summary>
        public static ApiRequest Info(string refundId)
            => ApiRequest.Post(InfoPath, new Dictionary<string, string> { ["refundId"] = refundId }, idempotent: true);
    }
}
