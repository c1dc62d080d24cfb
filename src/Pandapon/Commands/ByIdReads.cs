using System;
using System.Collections.Generic;
using Pandapon.Client;
using Pandapon.Conversion;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// The batch of a cmdlet that reads by id (Get-PandaponRefund, Get-PandaponOrder -OrderId, Get-PandaponTaobaoRefund
    /// -RefundId, Get-PandaponOrderLogistics, Get-PandaponOrderPaymentUrl): each id is checked through its endpoint (a
    /// refused id is one error record in its place, and the batch goes on), then its request is submitted and the
    /// answer mapped, so every input yields an object or an error.
    /// </summary>
    internal static class ByIdReads
    {
        /// <summary>
        /// For each of <paramref name="ids"/>: <paramref name="check"/> (the endpoint's Check; an
        /// <see cref="InvalidValueException"/> refuses the id with <paramref name="invalidIdErrorId"/>), then
        /// <paramref name="cmdlet"/>'s Submit of <paramref name="request"/> mapped by <paramref name="read"/>
        /// (<c>endpoint => endpoint.Read</c>; written item by item when <paramref name="enumerateCollection"/>), or, with
        /// <paramref name="raw"/> (-Raw), the answer's data as sent, as PowerShell objects.
        /// </summary>
        public static void SubmitEach<TEndpoint>(PandaponApiCmdlet cmdlet, IEnumerable<string> ids, Func<string, TEndpoint> check,
            string invalidIdErrorId, Func<TEndpoint, ApiRequest> request, Func<TEndpoint, Func<ApiResponse, object?>> read,
            bool raw = false, bool enumerateCollection = false)
        {
            foreach (string id in ids)
            {
                TEndpoint endpoint;
                try
                {
                    endpoint = check(id);
                }
                catch (InvalidValueException e)
                {
                    cmdlet.SubmitRefusal(ErrorRecords.FromRefusedBatchInput(e, invalidIdErrorId, id));
                    continue;
                }
                if (raw) cmdlet.Submit(request(endpoint), id, response => JsonToPowerShell.Convert(response.Data));
                else cmdlet.Submit(request(endpoint), id, read(endpoint), enumerateCollection);
            }
        }
    }
}
