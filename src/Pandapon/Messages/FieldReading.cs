using System;
using System.Text.Json;
using Pandapon.Models;

namespace Pandapon.Messages
{
    /// <summary>
    /// Per-field tolerant reading: a value that a <c>LenientJson</c> reader refuses leaves the property as it was
    /// (null) and is recorded in the model's <see cref="UnreadFields"/> with its raw text, so one odd field never
    /// loses the record.
    /// </summary>
    internal static class FieldReading
    {
        private const int MaxRawLength = 80;

        /// <summary>Reads <paramref name="value"/> with <paramref name="read"/> into <paramref name="set"/>, or records <paramref name="field"/> as unread.</summary>
        public static void Read<T>(UnreadFields unread, string field, JsonElement value, Func<JsonElement, T> read, Action<T> set)
        {
            T result;
            try
            {
                result = read(value);
            }
            catch (FormatException)
            {
                unread.Add(field, RawValue(value));
                return;
            }
            set(result);
        }

        /// <summary>The value as a warning shows it: a string's text, anything else its JSON; one line, shortened.</summary>
        public static string RawValue(JsonElement value)
        {
            string text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.ValueKind == JsonValueKind.Undefined ? "" : value.GetRawText();
            text = text.Replace("\r", " ").Replace("\n", " ");
            return text.Length <= MaxRawLength ? text : text.Substring(0, MaxRawLength) + "…";
        }
    }
}
