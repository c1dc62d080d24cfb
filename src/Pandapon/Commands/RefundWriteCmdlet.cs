using System;
using System.Management.Automation;
using System.Threading;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Endpoints;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// The base of the cmdlets that change a 1688 refund (New-PandaponRefund, Submit-PandaponReturnShipment) or a Taobao
    /// reverse order (Stop-PandaponTaobaoRefund, Send-PandaponTaobaoRefundMessage): beyond <see cref="ApiWriteCmdlet"/>,
    /// -PassThru's read-back (the refund through <c>/alibaba/refund/info</c>, the reverse order through
    /// <c>/v2/taobao/order/refund/query</c>).
    /// </summary>
    public abstract class RefundWriteCmdlet : ApiWriteCmdlet
    {
        /// <summary>
        /// Reads refund <paramref name="refundId"/> back and writes it (-PassThru). A failure says that the write itself
        /// succeeded (<paramref name="whatWasDone"/>), so that nobody sends it again.
        /// </summary>
        protected void WriteRefundReadBack(string refundId, object? target, string whatWasDone)
        {
            RefundInfoEndpoint read = RefundInfoEndpoint.Check(refundId, GetPandaponRefundCommand.Names);
            WriteReadBack(read.Request(), read.Read, target, whatWasDone, $"refund {refundId}",
                $"Read the refund later with Get-PandaponRefund -RefundId {refundId} " +
                $"(or Invoke-PandaponRequest {RefundInfoEndpoint.Path} -Body @{{ refundId = '{refundId}' }} -Idempotent); PandaPon may take a few minutes to show a change.");
        }

        /// <summary>
        /// Reads Taobao reverse order <paramref name="refundId"/> back and writes it (-PassThru); a failure says that the write
        /// itself succeeded (<paramref name="whatWasDone"/>), so that nobody sends it again.
        /// </summary>
        protected void WriteTaobaoRefundReadBack(string refundId, object? target, string whatWasDone)
        {
            TaobaoRefundQueryEndpoint read = TaobaoRefundQueryEndpoint.Check(refundId, GetPandaponTaobaoRefundCommand.Names);
            WriteReadBack(read.Request(), read.Read, target, whatWasDone, $"reverse order {refundId}",
                $"Read it later with Get-PandaponTaobaoRefund -RefundId {refundId}.");
        }
    }
}
