using System;
using System.Management.Automation;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Endpoints;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// The base of the cmdlets that change a 1688 refund (New-PandaponRefund, Submit-PandaponReturnShipment): beyond
    /// <see cref="ApiWriteCmdlet"/>, the refund read back through <c>/alibaba/refund/info</c> for -PassThru.
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
            Submit(read.Request(), target, read.Read, onError: record =>
                ErrorRecords.WithContext(record, "Pandapon.ReadBackFailed",
                    $"{whatWasDone}, but reading refund {refundId} back failed: {record.Exception.Message}",
                    $"Do not send it again. Read the refund later with Get-PandaponRefund -RefundId {refundId} " +
                    $"(or Invoke-PandaponRequest {RefundInfoEndpoint.Path} -Body @{{ refundId = '{refundId}' }} -Idempotent); PandaPon may take a few minutes to show a change."));
        }
    }
}
