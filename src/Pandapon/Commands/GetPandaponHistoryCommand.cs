using System.Management.Automation;
using Pandapon.Client;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the last PandaPon API requests of this session: time, method, path, outcome, code, requestId, duration, attempts.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PandaponHistory", HelpUri = OnlineHelp.BaseUri + "Get-PandaponHistory.md")]
    [OutputType(typeof(RequestRecord))]
    public sealed class GetPandaponHistoryCommand : PandaponCmdlet
    {
        /// <summary>Only the newest N requests.</summary>
        [Parameter(Position = 0)]
        [ValidateRange(1, RequestHistory.Capacity)]
        public int? Last { get; set; }

        protected override void ProcessRecord()
        {
            foreach (RequestRecord record in RequestHistory.Snapshot(Last)) WriteObject(record);
        }
    }
}
