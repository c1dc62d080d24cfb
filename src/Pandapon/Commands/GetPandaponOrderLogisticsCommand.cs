using System.Collections.Generic;
using System.Management.Automation;
using Pandapon.Endpoints;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the tracking steps of the parcels of 1688 orders, oldest first.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PandaponOrderLogistics", HelpUri = OnlineHelp.BaseUri + "Get-PandaponOrderLogistics.md")]
    [OutputType(typeof(LogisticsStep))]
    [OutputType(typeof(PSObject))]
    public sealed class GetPandaponOrderLogisticsCommand : PandaponApiCmdlet
    {
        /// <summary>The order ids (19 digits); from the pipeline by value or by property name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("order_id", "Id")]
        [AllowEmptyString]
        [IdTransformation("-OrderId", "OrderId", "order_id", "Id")]
        public string[] OrderId { get; set; } = new string[0];

        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 8;

        /// <summary>Emit the API's data as sent instead of LogisticsStep objects.</summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

        internal static readonly ParameterNames Names = new ParameterNames(new Dictionary<string, string> { ["orderId"] = ParameterName(nameof(OrderId)) });

        protected override int MaxConcurrentRequests => ThrottleLimit;

        protected override string? ProgressActivity => "Get-PandaponOrderLogistics: reading tracking";

        protected override void ProcessRecord()
        {
            ByIdReads.SubmitEach(this, OrderId, id => OrderLogisticsEndpoint.Check(id, Names), "Pandapon.InvalidOrderId", read => read.Request(), read => read.Read,
                Raw, enumerateCollection: true);
        }
    }
}
