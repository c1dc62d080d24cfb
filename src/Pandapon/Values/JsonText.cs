using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pandapon.Values
{
    /// <summary>
    /// How the module writes the JSON it sends, in one place for the typed write requests and for a user's -Body:
    /// compact UTF-8, with non-ASCII text left readable (the API is Chinese) rather than escaped.
    /// </summary>
    internal static class JsonText
    {
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>The text that <paramref name="write"/> writes.</summary>
        public static string Write(Action<Utf8JsonWriter> write)
        {
            using (var buffer = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) write(writer);
                return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            }
        }

        /// <summary>An array of strings named <paramref name="name"/>; nothing when <paramref name="values"/> is empty (the API wants it left out).</summary>
        public static void WriteStringArrayUnlessEmpty(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
        {
            if (values.Count == 0) return;
            writer.WriteStartArray(name);
            foreach (string value in values) writer.WriteStringValue(value);
            writer.WriteEndArray();
        }
    }
}
