using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using Pandapon.Endpoints;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Cancels an unpaid 1688 order.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "PandaponOrder", HelpUri = OnlineHelp.BaseUri + "Stop-PandaponOrder.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Order))]
    public sealed class StopPandaponOrderCommand : OrderWriteCmdlet
    {
        /// <summary>The order (19 digits); from the pipeline by value or by property name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("order_id", "Id")]
        [IdTransformation("-OrderId", "OrderId", "order_id", "Id", OneValue = true)]
        public string OrderId { get; set; } = "";

        /// <summary>Why (<c>cancelReason</c>): buyerCancel, sellerGoodsLack or other.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("buyerCancel", "sellerGoodsLack", "other", IgnoreCase = true)]
        [Alias("cancelReason")]
        [TextTransformation("-Reason", "Reason", "cancelReason", OneValue = true)]
        public string Reason { get; set; } = "";

        /// <summary>A note (<c>remark</c>).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [TextTransformation("-Remark", "Remark", OneValue = true)]
        public string? Remark { get; set; }

        internal static readonly ParameterNames Names = new ParameterNames(new Dictionary<string, string>
        {
            ["orderId"] = ParameterName(nameof(OrderId)),
            ["cancelReason"] = ParameterName(nameof(Reason)),
            ["remark"] = ParameterName(nameof(Remark)),
        });

        protected override void ProcessRecord()
        {
            OrderCancelEndpoint cancel;
            try
            {
                cancel = OrderCancelEndpoint.Check(OrderId, Reason, Remark, Names);
            }
            catch (ArgumentException e)
            {
                WriteError(ErrorRecords.FromRefusedInput(e, "Pandapon.InvalidArgument", OrderId));
                return;
            }

            string order = cancel.OrderId.ToString(CultureInfo.InvariantCulture);
            if (!ShouldProcessUnlessForced(Force, $"order {order}", $"Cancel the order ({cancel.Reason})")) return;

            object? cancelled = SendWrite<object>(cancel.Request(), OrderId, response => cancel.Read(response), "Pandapon.OrderCancelOutcomeUnknown",
                $"Order {order} may or may not have been cancelled.",
                $"Before you try again, read the order (Get-PandaponOrder -OrderId {order}): status cancel means it was cancelled.");
            if (cancelled == null) return;
            if (PassThru) WriteOrderReadBack(order, OrderId, $"Order {order} was cancelled");
        }
    }
}
