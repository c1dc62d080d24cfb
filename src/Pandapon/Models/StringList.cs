using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace Pandapon.Models
{
    /// <summary>
    /// A read-only list of strings (the order entry ids of a refund) that stays one readable cell in
    /// <c>Export-Csv</c>: <see cref="ToString"/> joins the items with ";" (no space, and no comma, so that
    /// spreadsheets do not read two ids as one number). It enumerates as strings, so <c>-contains</c>,
    /// <c>ForEach-Object</c> and <c>ConvertTo-Json</c> (a JSON array) see the items.
    /// </summary>
    public sealed class StringList : ReadOnlyCollection<string>
    {
        /// <summary>The separator of <see cref="ToString"/>.</summary>
        public const string Separator = ";";

        /// <summary>The empty list, shared: it cannot change.</summary>
        public static readonly StringList Empty = new StringList(Array.Empty<string>());

        public StringList(IEnumerable<string> items)
            : base((items ?? throw new ArgumentNullException(nameof(items))).Where(item => item != null).ToArray())
        {
        }

        /// <summary>The array overload lets PowerShell build one: <c>[Pandapon.Models.StringList]::new(@('a', 'b'))</c>.</summary>
        public StringList(string[] items)
            : this((IEnumerable<string>)items)
        {
        }

        /// <summary>The items joined with ";"; the empty string when there are none.</summary>
        public override string ToString() => string.Join(Separator, this);
    }
}
