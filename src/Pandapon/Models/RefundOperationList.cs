using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace Pandapon.Models
{
    /// <summary>
    /// A refund's history (<c>refundOperationList</c>), in the order the API sent it (1688 sends the newest first).
    /// It enumerates as <see cref="RefundOperation"/> objects, so
    /// <c>Select-Object -ExpandProperty RefundOperationList</c> gives the history as rows, and
    /// <c>ConvertTo-Json</c> writes a JSON array. <c>Export-Csv</c> writes a property's <see cref="ToString"/>,
    /// which summarises the history (<c>2 operations, last: refundsuccess 2024-05-15 09:15</c>), so no cell holds a
    /// .NET type name.
    /// </summary>
    public sealed class RefundOperationList : ReadOnlyCollection<RefundOperation>
    {
        /// <summary>The empty history, shared: it cannot change.</summary>
        public static readonly RefundOperationList Empty = new RefundOperationList(Array.Empty<RefundOperation>());

        public RefundOperationList(IEnumerable<RefundOperation> operations)
            : base((operations ?? throw new ArgumentNullException(nameof(operations))).Where(operation => operation != null).ToArray())
        {
        }

        /// <summary>The array overload lets PowerShell build one: <c>[Pandapon.Models.RefundOperationList]::new(@($a, $b))</c>.</summary>
        public RefundOperationList(RefundOperation[] operations)
            : this((IEnumerable<RefundOperation>)operations)
        {
        }

        /// <summary>
        /// The most recent operation: the one with the latest <see cref="RefundOperation.GmtCreate"/>, or, when
        /// no operation has a time, the first (1688 sends the newest first); null when the list is empty.
        /// </summary>
        public RefundOperation? Latest => FindLatest(Items);

        /// <summary>
        /// <c>2 operations, last: refundsuccess 2024-05-15 09:15</c> (the latest operation's resulting status and
        /// time); the empty string when there is no history, so that the CSV cell stays empty.
        /// </summary>
        public override string ToString()
        {
            if (Count == 0) return "";
            string count = Count == 1 ? "1 operation" : Count.ToString(CultureInfo.InvariantCulture) + " operations";
            var latest = Latest!;
            string status = latest.AfterOperateStatus ?? latest.OperateRemark ?? "";
            string when = latest.GmtCreate.HasValue
                ? latest.GmtCreate.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
                : "";
            string last = (status + " " + when).Trim();
            return last.Length == 0 ? count : count + ", last: " + last;
        }

        private static RefundOperation? FindLatest(IList<RefundOperation> operations)
        {
            RefundOperation? latest = operations.Count > 0 ? operations[0] : null;
            foreach (var operation in operations)
            {
                if (operation.GmtCreate.HasValue && (latest?.GmtCreate == null || operation.GmtCreate > latest.GmtCreate))
                    latest = operation;
            }
            return latest;
        }
    }
}
