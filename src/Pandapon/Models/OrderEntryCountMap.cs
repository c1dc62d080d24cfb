using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;

namespace Pandapon.Models
{
    /// <summary>
    /// The refund's <c>orderEntryCountMap</c>: order entry id (a string, ids are 19 digits) to the quantity
    /// refunded, in the order the API sent them. It is a read-only dictionary, so <c>$map['id']</c> and
    /// <c>ConvertTo-Json</c> (a JSON object) work as with a hashtable, and <see cref="ToString"/> makes one
    /// readable <c>Export-Csv</c> cell: <c>id=quantity</c> pairs joined with ";".
    /// </summary>
    public sealed class OrderEntryCountMap : ReadOnlyDictionary<string, int>
    {
        /// <summary>The empty map, shared: it cannot change.</summary>
        public static readonly OrderEntryCountMap Empty = new OrderEntryCountMap(new Dictionary<string, int>());

        public OrderEntryCountMap(IDictionary<string, int> quantities)
            : base(new Dictionary<string, int>(quantities ?? throw new ArgumentNullException(nameof(quantities)), StringComparer.Ordinal))
        {
        }

        /// <summary><c>id=quantity</c> pairs joined with ";", e.g. <c>3305075341150134260=2;3305075341151134260=1</c>.</summary>
        public override string ToString()
        {
            var text = new StringBuilder();
            foreach (var pair in this)
            {
                if (text.Length > 0) text.Append(StringList.Separator);
                text.Append(pair.Key).Append('=').Append(pair.Value.ToString(CultureInfo.InvariantCulture));
            }
            return text.ToString();
        }
    }
}
