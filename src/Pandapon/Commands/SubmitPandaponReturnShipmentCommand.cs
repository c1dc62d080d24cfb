using System;
using System.Collections.Generic;
using System.Management.Automation;
using Pandapon.Endpoints;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Tells 1688 that the goods of a return-and-refund were shipped back: carrier and waybill.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Submit, "PandaponReturnShipment", HelpUri = OnlineHelp.BaseUri + "Submit-PandaponReturnShipment.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ReturnShipmentResult), typeof(Refund))]
    public sealed class SubmitPandaponReturnShipmentCommand : RefundWriteCmdlet
    {
        /// <summary>The refund (<c>refundId</c>), "TQ" and digits.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation("-RefundId", "RefundId", OneValue = true)]
        public string RefundId { get; set; } = "";

        /// <summary>The carrier's code (<c>logisticsCompanyNo</c>), e.g. ZTO.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("companyNo")]
        [ArgumentCompleter(typeof(LogisticsCompanyCompleter))]
        [TextTransformation("-LogisticsCompanyNo", "LogisticsCompanyNo", "companyNo", OneValue = true)]
        public string LogisticsCompanyNo { get; set; } = "";

        /// <summary>The waybill number (<c>freightBill</c>).</summary>
        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [TextTransformation("-FreightBill", "FreightBill", OneValue = true)]
        public string FreightBill { get; set; } = "";

        /// <summary>A note for the seller (<c>description</c>).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [TextTransformation("-Description", "Description", OneValue = true)]
        public string? Description { get; set; }

        /// <summary>Up to 10 URLs of uploaded images (<c>vouchers</c>): the parcel, the receipt.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("vouchers")]
        [TextTransformation("-Voucher", "Voucher", "vouchers")]
        public string[]? Voucher { get; set; }

        /// <summary>This cmdlet's parameters by the API fields they fill: the endpoint's checks and hints name them so.</summary>
        internal static readonly ParameterNames Names = new ParameterNames(new Dictionary<string, string>
        {
            ["refundId"] = ParameterName(nameof(RefundId)),
            ["logisticsCompanyNo"] = ParameterName(nameof(LogisticsCompanyNo)),
            ["freightBill"] = ParameterName(nameof(FreightBill)),
            ["description"] = ParameterName(nameof(Description)),
            ["vouchers"] = ParameterName(nameof(Voucher)),
        });

        protected override void ProcessRecord()
        {
            ReturnShipmentEndpoint shipment;
            try
            {
                shipment = ReturnShipmentEndpoint.Check(Names, RefundId, LogisticsCompanyNo, FreightBill, Description, Voucher);
            }
            catch (ArgumentException e)
            {
                WriteError(ErrorRecords.FromRefusedInput(e, "Pandapon.InvalidArgument", RefundId));
                return;
            }

            string refund = shipment.RefundId;
            if (!ShouldProcessUnlessForced(Force, $"refund {refund}", $"Submit the return shipment {shipment.LogisticsCompanyNo} {shipment.FreightBill}")) return;

            ReturnShipmentResult? submitted = SendWrite(shipment.Request(), RefundId, shipment.Read, "Pandapon.ReturnShipmentOutcomeUnknown",
                $"The return shipment for refund {refund} may or may not have been recorded.",
                $"Before you try again, read the refund (Get-PandaponRefund -RefundId {refund}): status waitsellerreceive with freightBill {shipment.FreightBill} " +
                "means it was recorded; waitbuyersend means it was not.");
            if (submitted == null) return;
            if (PassThru) WriteRefundReadBack(refund, RefundId, $"The return shipment for refund {refund} was recorded");
            else WriteObject(submitted);
        }
    }
}
