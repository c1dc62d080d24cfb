using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace Pandapon.Conversion
{
    /// <summary>
    /// Turns a -Query hashtable into name/value pairs: an ordered dictionary keeps its order, a plain hashtable is
    /// sorted by name (so the same call sends the same URL), an array value repeats the name, booleans are
    /// "true"/"false", dates ISO 8601, numbers in the invariant culture.
    /// </summary>
    public static class PowerShellToQuery
    {
        public static IList<KeyValuePair<string, string>> Convert(IDictionary? query)
        {
            var pairs = new List<KeyValuePair<string, string>>();
            if (query == null) return pairs;
            IEnumerable<DictionaryEntry> entries = query.Cast<DictionaryEntry>();
            if (!(query is IOrderedDictionary)) entries = entries.OrderBy(e => Text(e.Key), StringComparer.Ordinal);
            foreach (DictionaryEntry entry in entries)
            {
                string name = Text(entry.Key);
                if (name.Length == 0) throw new ArgumentException("-Query has an empty parameter name.");
                object? value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                if (value is IEnumerable sequence && !(value is string) && !(value is IDictionary))
                {
                    int index = 0;
                    foreach (object? item in sequence)
                    {
                        pairs.Add(new KeyValuePair<string, string>(name, ScalarText(item, $"-Query.{name}[{index.ToString(CultureInfo.InvariantCulture)}]")));
                        index++;
                    }
                }
                else
                {
                    pairs.Add(new KeyValuePair<string, string>(name, ScalarText(value, "-Query." + name)));
                }
            }
            return pairs;
        }

        /// <summary>
        /// One value as query text, refusing what has no single text form (a hashtable, an object, a nested array):
        /// its ToString() would be a type name or a guess.
        /// </summary>
        private static string ScalarText(object? item, string path)
        {
            object? value = item is PSObject wrapped ? wrapped.BaseObject : item;
            bool scalar = value == null || value is string || value is char || value is bool || value is decimal || value is System.Numerics.BigInteger
                || value is DateTime || value is DateTimeOffset || value is Guid || value is Enum || value.GetType().IsPrimitive;
            if (!scalar)
                throw new ArgumentException($"{path} is {(value is IDictionary ? "a hashtable" : value is IEnumerable ? "a nested list" : "a " + value!.GetType().Name)}: " +
                    "a query value is text, a number, a flag or a date, or an array of those.");
            return Text(value);
        }

        /// <summary>One value as query text.</summary>
        public static string Text(object? value)
        {
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            switch (value)
            {
                case null: return "";
                case bool flag: return flag ? "true" : "false";
                case DateTime date: return date.ToString("o", CultureInfo.InvariantCulture);
                case DateTimeOffset date: return date.ToString("o", CultureInfo.InvariantCulture);
                case IFormattable formattable: return formattable.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString() ?? "";
            }
        }
    }
}
