using System;
using System.Text.Json;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Endpoints
{
    /// <summary>
    /// Per-field tolerant reading (docs/internals.md §5, "Reading data"): a value that a <see cref="LenientJson"/>
    /// reader refuses (a <see cref="FormatException"/>) leaves its property as it was (null) and is recorded, raw and
    /// shortened, in the model's <see cref="UnreadFields"/> under its path, so one odd field never loses the record.
    /// </summary>
    internal static class TolerantFields
    {
        /// <summary>Reads <paramref name="value"/> with <paramref name="read"/> into <paramref name="set"/>, or records <paramref name="path"/> as unread.</summary>
        public static void Read<T>(UnreadFields unread, string path, JsonElement value, Func<JsonElement, T> read, Action<T> set)
        {
            T result;
            try
            {
                result = read(value);
            }
            catch (FormatException)
            {
                unread.Add(path, Raw(value));
                return;
            }
            set(result);
        }

        /// <summary>
        /// Calls <paramref name="readField"/>(path, name, value) for each field of the object <paramref name="value"/> (or of
        /// the object its text holds); null reads nothing; any other value is recorded as unread under <paramref name="path"/>.
        /// <paramref name="path"/> "" is the record itself; fields below get "path.name".
        /// </summary>
        public static void EachField(UnreadFields unread, string path, JsonElement value, Action<string, string, JsonElement> readField)
        {
            LenientJson.ReadUnwrapped(value, source =>
            {
                switch (source.ValueKind)
                {
                    case JsonValueKind.Null:
                    case JsonValueKind.Undefined:
                        break;
                    case JsonValueKind.Object:
                        string prefix = path.Length == 0 ? "" : path + ".";
                        foreach (JsonProperty field in source.EnumerateObject()) readField(prefix + field.Name, field.Name, field.Value);
                        break;
                    default:
                        unread.Add(path, Raw(value));
                        break;
                }
                return true;
            });
        }

        /// <summary>The value as a warning shows it: a string's text, anything else its JSON; one line, shortened.</summary>
        public static string Raw(JsonElement value)
        {
            string text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.ValueKind == JsonValueKind.Undefined ? "" : value.GetRawText();
            return ShownValue.Shorten(text, ShownValue.Short);
        }
    }
}
