using System;
using System.Collections.Generic;
using System.Management.Automation;
using Pandapon.Endpoints;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Sends a message (with images) to the seller on a Taobao after-sales (reverse order).</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "PandaponTaobaoRefundMessage", HelpUri = OnlineHelp.BaseUri + "Send-PandaponTaobaoRefundMessage.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TaobaoRefundMessageResult), typeof(TaobaoRefund))]
    public sealed class SendPandaponTaobaoRefundMessageCommand : RefundWriteCmdlet
    {
        /// <summary>The reverse order (<c>refundId</c>), digits.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "refund_id")]
        [AllowEmptyString]
        [IdTransformation("-RefundId", "RefundId", "Id", "refund_id", OneValue = true)]
        public string RefundId { get; set; } = "";

        /// <summary>The message (<c>refundMessage</c>), 1 to 500 characters.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("refundMessage")]
        [AllowEmptyString]
        [TextTransformation("-Message", "Message", "refundMessage", OneValue = true)]
        public string Message { get; set; } = "";

        /// <summary>Up to 9 URLs of uploaded images (<c>refundImages</c>); one value may hold several separated by ";".</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("refundImages", "ImageUrls")]
        [TextTransformation("-ImageUrl", "ImageUrl", "refundImages", "ImageUrls")]
        public string[]? ImageUrl { get; set; }

        internal static readonly ParameterNames Names = new ParameterNames(new Dictionary<string, string>
        {
            ["refundId"] = ParameterName(nameof(RefundId)),
            ["refundMessage"] = ParameterName(nameof(Message)),
            ["refundImages"] = ParameterName(nameof(ImageUrl)),
            [TaobaoRefundQueryEndpoint.AlibabaIdHint] = "1688 refunds take no messages through this cmdlet",
        });

        protected override void ProcessRecord()
        {
            TaobaoRefundMessageEndpoint message;
            try
            {
                message = TaobaoRefundMessageEndpoint.Check(Names, RefundId, Message, ImageUrl);
            }
            catch (ArgumentException e)
            {
                // Named by its reverse order, so a refused CSV row can be found; nothing was sent for it.
                var refused = new InvalidValueException($"Reverse order '{RefundId}': {InvalidValueException.PlainMessage(e)} No message was sent for it.", e.ParamName ?? "", e);
                WriteError(ErrorRecords.FromRefusedInput(refused, "Pandapon.InvalidArgument", RefundId));
                return;
            }
            string refund = message.RefundId;
            string images = message.Images.Count == 0 ? "" : $" with {message.Images.Count} image(s)";
            if (!ShouldProcessUnlessForced(Force, $"Taobao reverse order {refund}", $"Send the seller a message of {message.Message.Length} characters{images}")) return;

            TaobaoRefundMessageResult? sent = SendWrite(message.Request(), RefundId, message.Read, "Pandapon.TaobaoRefundMessageOutcomeUnknown",
                $"The message on reverse order {refund} may or may not have been sent.",
                "Before you send it again, look at the reverse order's messages in the PandaPon console: sent twice, the seller reads it twice.");
            if (sent == null) return;
            if (PassThru) WriteTaobaoRefundReadBack(refund, RefundId, $"The message on reverse order {refund} was sent");
            else WriteObject(sent);
        }
    }
}
