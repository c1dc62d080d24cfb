using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Pandapon.Commands
{
    /// <summary>
    /// Completes -LogisticsCompanyNo with the companyNo of common 1688 carriers (no network). The full list comes from
    /// PandaPon's logistics-company endpoint; any other code can still be typed.
    /// </summary>
    public sealed class LogisticsCompanyCompleter : IArgumentCompleter
    {
        internal static readonly string[][] Companies =
        {
            new[] { "ZTO", "中通快递 ZTO Express" },
            new[] { "YTO", "圆通速递 YTO Express" },
            new[] { "YUNDA", "韵达快递 Yunda Express" },
            new[] { "STO", "申通快递 STO Express" },
            new[] { "SF", "顺丰速运 SF Express" },
            new[] { "JTSD", "极兔速递 J&T Express" },
            new[] { "YZXB", "邮政快递包裹 China Post parcel" },
            new[] { "EMS", "EMS" },
            new[] { "DBKD", "德邦快递 Deppon Express" },
            new[] { "HTKY", "百世快递 Best Express" },
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = (wordToComplete ?? "").Trim('\'', '"');
            foreach (string[] company in Companies)
            {
                if (company[0].StartsWith(typed, StringComparison.OrdinalIgnoreCase) || (typed.Length > 0 && company[1].IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0))
                    yield return new CompletionResult(company[0], company[0] + " " + company[1], CompletionResultType.ParameterValue, company[0] + ": " + company[1]);
            }
        }
    }
}
