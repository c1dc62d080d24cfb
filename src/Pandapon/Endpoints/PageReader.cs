using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Values;

namespace Pandapon.Endpoints
{
    /// <summary>
    /// Reads one page of a paged list from an answer's <c>data</c>, whatever the list's wrapper is called: PandaPon's
    /// v2 lists say <c>{totalRecords, …, data[]}</c>, 1688 says <c>{result[], totalRecord}</c>, and an unpublished
    /// shape may use another of the usual names (docs/api.md, "Paged lists"). The list is the first of
    /// <see cref="ListFields"/> that holds an array (or text holding one; one level of object in between is looked
    /// into), or <c>data</c> itself when it is the array; the total is the first of <see cref="TotalFields"/> that
    /// reads as a whole number, else null (the pager then ends at a short page). Each item goes to the endpoint's own
    /// reader; null items are left out. A <c>data</c> with no list at all is an error naming the fields it had.
    /// </summary>
    internal static class PageReader
    {
        /// <summary>Where a page's list may be, in the order tried.</summary>
        public static readonly IReadOnlyList<string> ListFields = new[] { "data", "result", "list", "records", "orders" };

        /// <summary>Where a page's total may be, in the order tried.</summary>
        public static readonly IReadOnlyList<string> TotalFields = new[] { "totalRecords", "totalRecord", "total", "totalCount" };

        /// <param name="response">The answer to a page request.</param>
        /// <param name="operation">"POST /path", for the error when the page has no list.</param>
        /// <param name="readItem">The endpoint's reader of one item.</param>
        /// <param name="extraListFields">Further names to try first, for an endpoint whose list is called otherwise.</param>
        public static Page<T> Read<T>(ApiResponse response, string operation, Func<JsonElement, T> readItem, IReadOnlyList<string>? extraListFields = null)
        {
            JsonElement data = response.Data;
            return LenientJson.ReadUnwrapped(data, source =>
            {
                if (source.ValueKind == JsonValueKind.Array) return new Page<T>(ReadItems(source, readItem), null);
                if (source.ValueKind == JsonValueKind.Object)
                {
                    IEnumerable<string> names = extraListFields == null ? ListFields : extraListFields.Concat(ListFields);
                    foreach (string name in names)
                    {
                        if (!source.TryGetProperty(name, out JsonElement value)) continue;
                        Page<T>? page = LenientJson.ReadUnwrapped(value, list => ReadList(list, source, readItem, names));
                        if (page != null) return page;
                    }
                }
                string has = source.ValueKind == JsonValueKind.Object
                    ? " (its fields: " + (source.EnumerateObject().Any() ? string.Join(", ", source.EnumerateObject().Select(p => p.Name)) : "none") + ")"
                    : "";
                throw PandaponApiException.InvalidField(operation, "data",
                    "a page with its list in one of " + string.Join(", ", ListFields) + has, data, response.RequestId, response.HttpStatus);
            });
        }

        /// <summary>The page when <paramref name="list"/> is the array (or an object one level down holding it); null when it is not a list.</summary>
        private static Page<T>? ReadList<T>(JsonElement list, JsonElement holder, Func<JsonElement, T> readItem, IEnumerable<string> names)
        {
            switch (list.ValueKind)
            {
                case JsonValueKind.Array:
                    return new Page<T>(ReadItems(list, readItem), ReadTotal(holder));
                case JsonValueKind.Object:
                    foreach (string name in names)
                    {
                        if (list.TryGetProperty(name, out JsonElement inner) && inner.ValueKind == JsonValueKind.Array)
                            return new Page<T>(ReadItems(inner, readItem), ReadTotal(list) ?? ReadTotal(holder));
                    }
                    return null;
                case JsonValueKind.Null:
                    // "data": null beside a total of 0 is an empty page, as Java serializers write an empty list.
                    return ReadTotal(holder) is long total ? new Page<T>(Array.Empty<T>(), total) : null;
                default:
                    return null;
            }
        }

        private static List<T> ReadItems<T>(JsonElement array, Func<JsonElement, T> readItem)
        {
            var items = new List<T>(array.GetArrayLength());
            foreach (JsonElement item in array.EnumerateArray())
                if (item.ValueKind != JsonValueKind.Null) items.Add(readItem(item));
            return items;
        }

        /// <summary>The first total that reads as a whole number; one that does not is passed over (the total only saves a request).</summary>
        private static long? ReadTotal(JsonElement holder)
        {
            foreach (string name in TotalFields)
            {
                if (!holder.TryGetProperty(name, out JsonElement value)) continue;
                try
                {
                    if (LenientJson.ReadInt64(value) is long total && total >= 0) return total;
                }
                catch (FormatException)
                {
                    // Try the next name.
                }
            }
            return null;
        }
    }
}
