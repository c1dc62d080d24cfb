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
    /// <para type="synopsis">Confirms, as the buyer, that the goods of a 1688 order arrived.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Confirm, "PandaponOrderReceipt", HelpUri = OnlineHelp.BaseUri + "Confirm-PandaponOrderReceipt.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OrderReceiptResult), typeof(Order))]
    public sealed class ConfirmPandaponOrderReceiptCommand : OrderWriteCmdlet
    {
        /// <summary>The order (19 digits); from the pipeline by value or by property name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("order_id", "Id")]
        [IdTransformation("-OrderId", "OrderId", "order_id", "Id", OneValue = true)]
        public string OrderId { get; set; } = "";

        /// <summary>The lines received (<c>orderEntryIds</c>); none for the whole order. A CSV cell may hold several, separated by ";".</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("orderEntryIds")]
        [IdTransformation("-OrderEntryId", "OrderEntryId", "orderEntryIds")]
        public string[]? OrderEntryId { get; set; }

        internal static readonly ParameterNames Names = new ParameterNames(new Dictionary<string, string>
        {
            ["orderId"] = ParameterName(nameof(OrderId)),
            ["orderEntryIds"] = ParameterName(nameof(OrderEntryId)),
        });

        protected override void ProcessRecord()
        {
            OrderReceiveGoodsEndpoint receipt;
            try
            {
                receipt = OrderReceiveGoodsEndpoint.Check(OrderId, OrderEntryId, Names);
            }
            catch (ArgumentException e)
            {
                WriteError(ErrorRecords.FromRefusedInput(e, "Pandapon.InvalidArgument", OrderId));
                return;
            }

            string order = receipt.OrderId.ToString(CultureInfo.InvariantCulture);
            string what = receipt.OrderEntryIds.Count == 0 ? "Confirm receipt of the whole order" : $"Confirm receipt of {receipt.OrderEntryIds.Count} line(s)";
            if (!ShouldProcessUnlessForced(Force, $"order {order}", what)) return;

            OrderReceiptResult? confirmed = SendWrite(receipt.Request(), OrderId, receipt.Read, "Pandapon.OrderReceiptOutcomeUnknown",
                $"Receipt of order {order} may or may not have been confirmed.",
                $"Before you try again, read the order (Get-PandaponOrder -OrderId {order}): status confirm_goods means it was confirmed.");
            if (confirmed == null) return;
            if (PassThru) WriteOrderReadBack(order, OrderId, $"Receipt of order {order} was confirmed");
            else WriteObject(confirmed);
        }
    }
}
