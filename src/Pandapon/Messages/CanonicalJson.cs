using System;
using System.Linq;
using System.Text.Json;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Values;

namespace Pandapon.Messages
{
    /// <summary>
    /// One text for one JSON value however it was written: object keys sorted (ordinal), no white space, strings
    /// re-escaped the one way <see cref="JsonText"/> writes them, numbers as sent. A body pushed as an object and
    /// re-pushed as a string holding the same JSON read the same here, which is what makes message ids stable.
    /// </summary>
    internal static class CanonicalJson
    {
        public static string Write(JsonElement value) => JsonText.Write(writer => Write(writer, value));

        private static void Write(Utf8JsonWriter writer, JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    writer.WriteStartObject();
                    foreach (var property in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                    {
                        writer.WritePropertyName(property.Name);
                        Write(writer, property.Value);
                    }
                    writer.WriteEndObject();
                    break;
                case JsonValueKind.Array:
                    writer.WriteStartArray();
                    foreach (var item in value.EnumerateArray()) Write(writer, item);
                    writer.WriteEndArray();
                    break;
                case JsonValueKind.String:
                    writer.WriteStringValue(value.GetString());
                    break;
                default:
                    value.WriteTo(writer);
                    break;
            }
        }
    }
}
