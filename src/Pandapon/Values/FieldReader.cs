using System;
using System.Text.Json;

namespace Pandapon.Values
{
    /// <summary>
    /// The one way every reader of API data and messages reads a record (docs/internals.md, "Reading data"): each
    /// field of an object goes to the reader's switch on its own; a value the switch cannot read (a
    /// <see cref="FormatException"/> from <see cref="LenientJson"/>) leaves its property as it was and is recorded,
    /// under its path and with its raw value, through the record's sink (the model's <c>UnreadFields.Add</c>), and the
    /// next field is read. One odd field never loses the record.
    /// </summary>
    internal sealed class FieldReader
    {
        /// <summary>What is recorded for a field that is missing altogether.</summary>
        public const string Missing = "(missing)";

        private readonly Action<string, string> _recordUnread;
        private readonly int _shownLength;

        /// <param name="recordUnread">Where an unread field goes: path, raw value.</param>
        /// <param name="shownLength">How much of a raw value is kept (<see cref="ShownValue.Shorten"/>).</param>
        public FieldReader(Action<string, string> recordUnread, int shownLength)
        {
            _recordUnread = recordUnread;
            _shownLength = shownLength;
        }

        /// <summary>
        /// Calls <paramref name="read"/>(name, value) for each field of the object <paramref name="item"/>; a field it
        /// cannot read is recorded as <paramref name="pathPrefix"/> + name (a nested object's prefix ends in ".").
        /// </summary>
        public void ReadEachField(JsonElement item, string pathPrefix, Action<string, JsonElement> read)
        {
            foreach (JsonProperty property in item.EnumerateObject())
            {
                try
                {
                    read(property.Name, property.Value);
                }
                catch (FormatException)
                {
                    Record(pathPrefix + property.Name, property.Value);
                }
            }
        }

        /// <summary>Records <paramref name="value"/> as unread under <paramref name="path"/>.</summary>
        public void Record(string path, JsonElement value) => _recordUnread(path, Shown(value, _shownLength));

        /// <summary>
        /// A field holding an object: <paramref name="read"/> of the object (or of text holding one); null is nothing;
        /// anything else is unreadable (<paramref name="expected"/> says what was wanted).
        /// </summary>
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

        /// <summary>A raw value as it is recorded: a string's text, other JSON as sent, <see cref="Missing"/> for none; on one line, shortened.</summary>
        public static string Shown(JsonElement value, int length)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Undefined: return Missing;
                case JsonValueKind.String: return ShownValue.Shorten(value.GetString()!, length);
                default: return ShownValue.Shorten(value.GetRawText(), length);
            }
        }
    }
}
