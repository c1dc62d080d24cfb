using System.Collections.Generic;
using System.Management.Automation;
using Pandapon.Conversion;
using Pandapon.Endpoints;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets Taobao after-sales (reverse orders) by id, or lists them with filters, as typed objects.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PandaponTaobaoRefund", DefaultParameterSetName = ByIdSet, HelpUri = OnlineHelp.BaseUri + "Get-PandaponTaobaoRefund.md")]
    [OutputType(typeof(TaobaoRefund))]
    [OutputType(typeof(PSObject))]
    public sealed class GetPandaponTaobaoRefundCommand : PandaponApiCmdlet
    {
        private const string ByIdSet = "ById";

        /// <summary>
        /// The reverse-order ids (digits). From the pipeline by value, or by property name from RefundId, refundId,
        /// refund_id or Id.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "refund_id")]
        [AllowEmptyString]
        public string[] RefundId { get; set; } = new string[0];

        /// <summary>How many requests may be in flight at once.</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 8;

        /// <summary>Emit the API's data as sent (a PSCustomObject) instead of a TaobaoRefund.</summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

        /// <summary>This cmdlet's parameters by the API fields they fill, for the endpoints' checks.</summary>
        internal static readonly ParameterNames Names = new ParameterNames(new Dictionary<string, string>
        {
            ["refundId"] = ParameterName(nameof(RefundId)),
            [TaobaoRefundQueryEndpoint.AlibabaIdHint] = "read it with Get-PandaponRefund -RefundId instead",
        });

        protected override int MaxConcurrentRequests => ThrottleLimit;

        protected override string? ProgressActivity => "Get-PandaponTaobaoRefund: reading reverse orders";

        protected override void BeginProcessing()
        {
            // Bound as a parameter (not from the pipeline), the whole list is known: progress can show a percentage.
            if (MyInvocation.BoundParameters.ContainsKey(nameof(RefundId))) ExpectedTotal = RefundId.Length;
            base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            foreach (string id in RefundId)
            {
                TaobaoRefundQueryEndpoint read;
                try
                {
                    read = TaobaoRefundQueryEndpoint.Check(id, Names);
                }
                catch (InvalidValueException e)
                {
                    SubmitRefusal(ErrorRecords.FromRefusedInput(new InvalidValueException(e.Message + " No request was sent for it.", e.ParamName ?? "", e),
                        "Pandapon.InvalidRefundId", id));
                    continue;
                }
                Submit(read.Request(), id, response => Raw ? JsonToPowerShell.Convert(response.Data) : UnreadFieldWarnings.Warn(this, read.Read(response)));
            }
        }
    }
}
