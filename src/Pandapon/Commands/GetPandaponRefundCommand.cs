using System.Collections.Generic;
using System.Management.Automation;
using Pandapon.Endpoints;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets 1688 after-sales refunds by id, as typed objects for the pipeline.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PandaponRefund", HelpUri = OnlineHelp.BaseUri + "Get-PandaponRefund.md")]
    [OutputType(typeof(Refund))]
    [OutputType(typeof(PSObject))]
    public sealed class GetPandaponRefundCommand : PandaponApiCmdlet
    {
        /// <summary>
        /// The refund ids ("TQ…"). From the pipeline by value, or by property name from a property called RefundId,
        /// refundId (names bind regardless of case), Id, or RefundIds (an order's refunds: an order without any gives nothing).
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "RefundIds")]
        [AllowEmptyString]
        [AllowEmptyCollection]
        [IdTransformation("-RefundId", "RefundId", "Id", "RefundIds")]
        public string[] RefundId { get; set; } = new string[0];

        /// <summary>How many requests may be in flight at once.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 8;

        /// <summary>Emit the API's data as sent (a PSCustomObject) instead of a Refund.</summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

        /// <summary>This cmdlet's parameters by the API fields they fill, for the endpoint's checks.</summary>
        internal static readonly ParameterNames Names = new ParameterNames(new Dictionary<string, string>
        {
            ["refundId"] = ParameterName(nameof(RefundId)),
            [RefundInfoEndpoint.TaobaoIdHint] = "read it with Get-PandaponTaobaoRefund -RefundId instead",
        });

        protected override int MaxConcurrentRequests => ThrottleLimit;

        protected override string? ProgressActivity => "Get-PandaponRefund: reading refunds";

        protected override void BeginProcessing()
        {
            // Bound as a parameter (not from the pipeline), the whole list is known: progress can show a percentage.
            if (MyInvocation.BoundParameters.ContainsKey(nameof(RefundId))) ExpectedTotal = RefundId.Length;
            base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            ByIdReads.SubmitEach(this, RefundId, id => RefundInfoEndpoint.Check(id, Names), "Pandapon.InvalidRefundId", read => read.Request(), read => read.Read, Raw);
        }
    }
}
