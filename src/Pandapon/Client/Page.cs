using System;
using System.Collections.Generic;

namespace Pandapon.Client
{
    /// <summary>
    /// One page of a paged list as an endpoint read it: its items, in the order sent, and the list's total when the
    /// answer gave one. Endpoints make it (their <c>Read</c> of a page); <c>Batching/Pager</c> walks the pages.
    /// </summary>
    public sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, long? total)
        {
            Items = items ?? throw new ArgumentNullException(nameof(items));
            Total = total;
        }

        public IReadOnlyList<T> Items { get; }

        /// <summary>How many items the whole list has, as the server counted it with this page; null when it did not say.</summary>
        public long? Total { get; }
    }
}
