using System;
using System.Text.Json;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Endpoints
{
    /// <summary>
    /// Per-field tolerance for the readers of API data (one unreadable field must never lose the record): each field
    /// of an object goes to the reader's switch; a value the switch cannot read (a <see cref="FormatException"/> from
    /// <see cref="LenientJson"/>) leaves its property as it was (null, or empty for a list) and is recorded in the
    /// model's <see cref="UnreadFields"/> under its path, with its raw value, and reading goes on with the next field.
    /// </summary>
    internal static class FieldReading
    {
        /// <summary>Calls <paramref name="read"/> for each field of <paramref name="item"/>; a field it cannot read is recorded as <paramref name="pathPrefix"/> + name.</summary>
        public static void ReadEachField(JsonElement item, UnreadFields unread, string pathPrefix, Action<string, JsonElement> read)
        {
            foreach (JsonProperty property in item.EnumerateObject())
            {
                try
                {
                    read(property.Name, property.Value);
                }
                catch (FormatException)
                {
                    Record(unread, pathPrefix + property.Name, property.Value);
                }
            }
        }

        /// <summary>Records <paramref name="value"/> under <paramref name="path"/>: text as its characters, anything else as its JSON, shortened.</summary>
        public static void Record(UnreadFields unread, string path, JsonElement value)
            => unread.Add(path, RawText(value));

        /// <summary>An object field: <paramref name="read"/> of the object (or of text holding one); null is nothing; anything else is unreadable.</summary>
        public static void ReadObject(JsonElement value, string expected, Action<JsonElement> read)
        {
            LenientJson.ReadUnwrapped(value, source =>
            {
                switch (source.ValueKind)
                {
                    case JsonValueKind.Null:
                    case JsonValueKind.Undefined:
                        return true;
                    case JsonValueKind.Object:
                        read(source);
                        return true;
                    default:
                        throw new FormatException(expected);
                }
            });
        }

        /// <summary>A 1688 numeric id (order, order entry): digits only, kept as text; anything else is unreadable.</summary>
        public static string? ReadNumericId(JsonElement value)
        {
            string? id = LenientJson.ReadIdentifier(value);
            if (id == null) return null;
            foreach (char c in id)
                if (c < '0' || c > '9') throw new FormatException("expected an id of digits");
            return id;
        }

        private static string RawText(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Undefined: return "(missing)";
                case JsonValueKind.String: return ShownValue.Shorten(value.GetString() ?? "", ShownValue.Short);
                default: return ShownValue.Shorten(value.GetRawText(), ShownValue.Short);
            }
        }
    }
}
