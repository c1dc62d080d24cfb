using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace Pandapon.Models
{
    /// <summary>
    /// An order's lines. It enumerates as <see cref="OrderItem"/> objects (<c>-ExpandProperty Items</c> gives rows,
    /// <c>ConvertTo-Json</c> an array); <see cref="ToString"/>, which Export-Csv writes, summarises them in one cell:
    /// <c>2 lines: 名称 (颜色: 红色) ×2; 名称 ×1</c>, "" when there are none.
    /// </summary>
    public sealed class OrderItemList : ReadOnlyCollection<OrderItem>
    {
        /// <summary>The longest summary, so that a CSV cell stays readable.</summary>
        public const int MaxSummaryLength = 200;

        public static readonly OrderItemList Empty = new OrderItemList(Array.Empty<OrderItem>());

        public OrderItemList(IEnumerable<OrderItem> items)
            : base((items ?? throw new ArgumentNullException(nameof(items))).Where(item => item != null).ToArray())
        {
        }

        /// <summary>The array overload lets PowerShell build one: <c>[Pandapon.Models.OrderItemList]::new(@($a))</c>.</summary>
        public OrderItemList(OrderItem[] items)
            : this((IEnumerable<OrderItem>)items)
        {
        }

        public override string ToString()
        {
            if (Count == 0) return "";
            string count = Count == 1 ? "1 line" : Count.ToString(CultureInfo.InvariantCulture) + " lines";
            string summary = count + ": " + string.Join("; ", this.Select(item => item.ToString()));
            return summary.Length > MaxSummaryLength ? summary.Substring(0, MaxSummaryLength - 1) + "…" : summary;
        }
    }
}
