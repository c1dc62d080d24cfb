using System.Globalization;
using System.Management.Automation;
using System.Text;
using Pandapon.Api;
using Pandapon.Conversion;
using Pandapon.Models;

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
        internal const int MaxRefundIdLength = 64;

        /// <summary>
        /// The refund ids ("TQ…"). From the pipeline by value, or by property name from a property called RefundId,
        /// refundId (names bind regardless of case) or Id.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [AllowEmptyString]
        public string[] RefundId { get; set; } = new string[0];

        /// <summary>How many requests may be in flight at once.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 8;

        /// <summary>Emit the API's data as sent (a PSCustomObject) instead of a Refund.</summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

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
            foreach (string id in RefundId)
            {
                string? problem = CheckRefundId(id);
                if (problem != null)
                {
                    SubmitRefusal(new ErrorRecord(
                        new PSArgumentException($"-RefundId '{Printable(id)}' is not valid: {problem}. No request was sent for it.", nameof(RefundId)),
                        "Pandapon.InvalidRefundId", ErrorCategory.InvalidArgument, id));
                    continue;
                }
                string refundId = id;
                Submit(RefundReader.InfoRequest(refundId), refundId,
                    response => Raw ? JsonToPowerShell.Convert(response.Data) : RefundReader.Read(response.Data, refundId));
            }
        }

        /// <summary>Why a refund id cannot be sent, or null when it can.</summary>
        internal static string? CheckRefundId(string? id)
        {
            if (id == null || id.Length == 0) return "it is empty";
            if (id.Length > MaxRefundIdLength) return $"it is {id.Length} characters long, more than the {MaxRefundIdLength} a refund id can have";
            foreach (char c in id)
            {
                if (char.IsControl(c)) return $"it contains the control character U+{(int)c:X4}";
                if (char.IsWhiteSpace(c)) return string.IsNullOrWhiteSpace(id) ? "it is only white space" : "it contains white space (trim the value: refund ids have none)";
            }
            return null;
        }

        /// <summary>The id as it can be shown in a message: control characters escaped, so the message stays one readable line.</summary>
        private static string Printable(string? id)
        {
            if (id == null) return "";
            var text = new StringBuilder(id.Length);
            foreach (char c in id.Length > 80 ? id.Substring(0, 80) : id)
                text.Append(char.IsControl(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString());
            if (id.Length > 80) text.Append('…');
            return text.ToString();
        }
    }
}
