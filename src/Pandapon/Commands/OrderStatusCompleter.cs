using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using Pandapon.Endpoints;

namespace Pandapon.Commands
{
    /// <summary>Completes Get-PandaponOrder -Status with 1688's buyer-order statuses (a fixed list; no network).</summary>
    public sealed class OrderStatusCompleter : IArgumentCompleter
    {
        /// <summary>What each status means, for the completion's tooltip (docs/api-orders.md, "Statuses").</summary>
        private static readonly Dictionary<string, string> Meanings = new Dictionary<string, string>
        {
            ["waitbuyerpay"] = "placed, not paid yet",
            ["waitsellersend"] = "paid, the seller has not shipped",
            ["waitlogisticstakein"] = "shipped, not picked up by the carrier yet",
            ["waitbuyerreceive"] = "in transit to the buyer",
            ["waitbuyersign"] = "out for delivery",
            ["signinsuccess"] = "signed for, receipt not confirmed",
            ["confirm_goods"] = "receipt confirmed",
            ["success"] = "completed",
            ["cancel"] = "cancelled before payment",
            ["terminated"] = "closed after payment or by the seller",
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = (wordToComplete ?? "").Trim('\'', '"');
            foreach (string status in OrderPageEndpoint.Statuses)
            {
                if (status.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                    yield return new CompletionResult(status, status, CompletionResultType.ParameterValue, status + ": " + Meanings[status]);
            }
        }
    }
}
