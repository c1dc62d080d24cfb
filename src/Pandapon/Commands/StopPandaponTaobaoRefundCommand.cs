using System;
using System.Collections.Generic;
using System.Management.Automation;
using Pandapon.Endpoints;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Withdraws Taobao after-sales (reverse orders) as the buyer.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "PandaponTaobaoRefund", HelpUri = OnlineHelp.BaseUri + "Stop-PandaponTaobaoRefund.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(TaobaoRefund))]
    public sealed class StopPandaponTaobaoRefundCommand : RefundWriteCmdlet
    {
        /// <summary>The reverse orders to withdraw (digits). From the pipeline by value or by property name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "refund_id")]
        [AllowEmptyString]
        [IdTransformation("-RefundId", "RefundId", "Id", "refund_id")]
        public string[] RefundId { get; set; } = new string[0];

        internal static readonly ParameterNames Names = new ParameterNames(new Dictionary<string, string>
        {
            ["refundId"] = ParameterName(nameof(RefundId)),
            [TaobaoRefundQueryEndpoint.AlibabaIdHint] = "1688 refunds are not withdrawn with this cmdlet",
        });

        protected override void ProcessRecord()
        {
            foreach (string id in RefundId) Stop(id);
        }

        private void Stop(string id)
        {
            TaobaoRefundCancelEndpoint cancel;
            try
            {
                cancel = TaobaoRefundCancelEndpoint.Check(id, Names);
            }
            catch (ArgumentException e)
            {
                WriteError(ErrorRecords.FromRefusedInput(e, "Pandapon.InvalidArgument", id));
                return;
            }
            string refund = cancel.RefundId;
            if (!ShouldProcessUnlessForced(Force, $"Taobao reverse order {refund}", "Withdraw the after-sales application (the buyer cancels it)")) return;

            TaobaoRefundCancelResult? result = SendWrite(cancel.Request(), id, cancel.Read, "Pandapon.TaobaoRefundCancelOutcomeUnknown",
                $"Reverse order {refund} may or may not have been withdrawn.",
                $"Before you try again, read it (Get-PandaponTaobaoRefund -RefundId {refund}): status Closed means it was withdrawn.");
            if (result == null) return;
            if (!result.Cancelled)
            {
                WriteError(NotCancelled(result, id));
                return;
            }
            // Every input yields an object or an error: without -PassThru, the reverse order as the cancel answer shows it.
            if (PassThru) WriteTaobaoRefundReadBack(refund, id, $"Reverse order {refund} was withdrawn");
            else WriteObject(UnreadFieldWarnings.Warn(this, result.Refund));
        }

        /// <summary><c>cancelSuccess</c> false (or not said): an error naming the id, its status, the reason given and the requestId.</summary>
        private static ErrorRecord NotCancelled(TaobaoRefundCancelResult result, string target)
        {
            string status = result.Refund.Status?.ToString() ?? "unknown";
            string why = result.FailReason != null ? $": {result.FailReason}" : "";
            string message = result.Answered
                ? $"Reverse order {result.RefundId} was not withdrawn (cancelSuccess false, status {status}){why}. requestId {result.RequestId}."
                : $"Reverse order {result.RefundId}: the answer did not say whether it was withdrawn (no readable cancelSuccess, status {status}). requestId {result.RequestId}.";
            string action = $"A reverse order can be withdrawn while it is Applied or SellerAgreed; read it with Get-PandaponTaobaoRefund -RefundId {result.RefundId} to see its status.";
            return new ErrorRecord(new InvalidOperationException(message), "Pandapon.TaobaoRefundNotCancelled", ErrorCategory.InvalidOperation, target)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = action },
            };
        }
    }
}
