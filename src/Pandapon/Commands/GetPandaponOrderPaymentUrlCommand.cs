using System.Collections.Generic;
using System.Management.Automation;
using Pandapon.Endpoints;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the 1688 cashier link of unpaid orders.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PandaponOrderPaymentUrl", HelpUri = OnlineHelp.BaseUri + "Get-PandaponOrderPaymentUrl.md")]
    [OutputType(typeof(OrderPaymentUrl))]
    public sealed class GetPandaponOrderPaymentUrlCommand : PandaponApiCmdlet
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

        internal static readonly ParameterNames Names = new ParameterNames(new Dictionary<string, string> { ["orderId"] = ParameterName(nameof(OrderId)) });

        protected override int MaxConcurrentRequests => ThrottleLimit;

        protected override void ProcessRecord()
        {
            ByIdReads.SubmitEach(this, OrderId, id => OrderPayUrlEndpoint.Check(id, Names), "Pandapon.InvalidOrderId", read => read.Request(), read => read.Read);
        }
    }
}
