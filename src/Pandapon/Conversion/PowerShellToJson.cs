using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Numerics;
using System.Security;
using System.Text.Json;
using Pandapon.Values;

namespace Pandapon.Conversion
{
    /// <summary>
    /// Writes what a user passes as a request body (hashtable, ordered dictionary, PSCustomObject, array, or any
    /// object's public properties) as compact JSON. Numbers keep their exact value, dates are ISO 8601, enums are
    /// their names. A secret (SecureString, PSCredential) is refused rather than sent.
    /// </summary>
    public static class PowerShellToJson
    {
        public const int MaxDepth = 32;

        /// <summary>
        /// The request body of a user's -Body: a string is taken as JSON text as it is (so its numbers stay exactly as
        /// typed) after checking that it parses; anything else is serialized.
        /// </summary>
        public static string RequestBody(object? body, string parameterName = "-Body")
        {
            if (body is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject)) body = wrapped.BaseObject;
            if (body is string text)
            {
                try
                {
                    using (JsonDocument.Parse(text)) { }
                }
                catch (JsonException e)
                {
                    throw new ArgumentException($"{parameterName} is a string but not valid JSON ({e.Message.Split('.')[0]}): '{ShownValue.Shorten(text, 80)}'. Pass a hashtable or a PSCustomObject, or JSON text.", e);
                }
                return text;
            }
            return Serialize(body, parameterName);
        }

        /// <summary>The JSON text of <paramref name="value"/>; <see cref="ArgumentException"/> names the path of what cannot be written.</summary>
        public static string Serialize(object? value, string rootName = "-Body")
            => JsonText.Write(writer => Write(writer, value, rootName, 0));

        private static void Write(Utf8JsonWriter writer, object? value, string path, int depth)
        {
            if (depth > MaxDepth)
                throw new ArgumentException($"{path} is nested more than {MaxDepth} levels deep (a loop of references?).");
            if (value is PSObject wrapped)
            {
                if (!(wrapped.BaseObject is PSCustomObject))
                {
                    Write(writer, wrapped.BaseObject, path, depth);
                    return;
                }
                writer.WriteStartObject();
                foreach (PSPropertyInfo property in wrapped.Properties)
                {
                    object? propertyValue = Read(property, path);
                    writer.WritePropertyName(property.Name);
                    Write(writer, propertyValue, path + "." + property.Name, depth + 1);
                }
                writer.WriteEndObject();
                return;
            }

            switch (value)
            {
                case null:
                case DBNull _:
                    writer.WriteNullValue();
                    return;
                case string text:
                    writer.WriteStringValue(text);
                    return;
                case char character:
                    writer.WriteStringValue(character.ToString());
                    return;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    return;
                case Enum enumValue:
                    writer.WriteStringValue(enumValue.ToString());
                    return;
                case int n: writer.WriteNumberValue(n); return;
                case long n: writer.WriteNumberValue(n); return;
                case short n: writer.WriteNumberValue(n); return;
                case byte n: writer.WriteNumberValue(n); return;
                case sbyte n: writer.WriteNumberValue(n); return;
                case ushort n: writer.WriteNumberValue(n); return;
                case uint n: writer.WriteNumberValue(n); return;
                case ulong n: writer.WriteNumberValue(n); return;
                case decimal n: writer.WriteNumberValue(n); return;
                case BigInteger n: writer.WriteRawValue(n.ToString(CultureInfo.InvariantCulture)); return;
                case float n:
                    if (float.IsNaN(n) || float.IsInfinity(n)) throw new ArgumentException($"{path} is {n}, which JSON cannot carry.");
                    writer.WriteNumberValue(n);
                    return;
                case double n:
                    if (double.IsNaN(n) || double.IsInfinity(n)) throw new ArgumentException($"{path} is {n}, which JSON cannot carry.");
                    writer.WriteNumberValue(n);
                    return;
                case DateTime date:
                    writer.WriteStringValue(date.ToString("o", CultureInfo.InvariantCulture));
                    return;
                case DateTimeOffset date:
                    writer.WriteStringValue(date.ToString("o", CultureInfo.InvariantCulture));
                    return;
                case Guid _:
                case Uri _:
                case Version _:
                case TimeSpan _:
                    writer.WriteStringValue(System.Convert.ToString(value, CultureInfo.InvariantCulture));
                    return;
                case SecureString _:
                case PSCredential _:
                    throw new ArgumentException($"{path} is a {value.GetType().Name}: Pandapon does not send secrets in a request body.");
                // Code is not data: written property by property it would send the parse tree, or fail on some corner of it.
                case ScriptBlock _:
                    throw new ArgumentException($"{path} is a script block: run it and send its result, e.g. $(& {{ ... }}).");
                case IDictionary dictionary:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        string name = System.Convert.ToString(entry.Key is PSObject key ? key.BaseObject : entry.Key, CultureInfo.InvariantCulture) ?? "";
                        writer.WritePropertyName(name);
                        Write(writer, entry.Value, path + "." + name, depth + 1);
                    }
                    writer.WriteEndObject();
                    return;
                case IEnumerable sequence:
                    writer.WriteStartArray();
                    int index = 0;
                    foreach (object? item in sequence) Write(writer, item, path + "[" + (index++).ToString(CultureInfo.InvariantCulture) + "]", depth + 1);
                    writer.WriteEndArray();
                    return;
            }

            // Any other object: its public properties, as ConvertTo-Json writes them.
            writer.WriteStartObject();
            foreach (PSPropertyInfo property in PSObject.AsPSObject(value).Properties)
            {
                if (!property.IsGettable || property.MemberType != PSMemberTypes.Property) continue;
                object? propertyValue = Read(property, path);
                writer.WritePropertyName(property.Name);
                Write(writer, propertyValue, path + "." + property.Name, depth + 1);
            }
            writer.WriteEndObject();
        }

        /// <summary>A property's value; a getter that throws (a process's fields, a script property) is named, not a crash.</summary>
        private static object? Read(PSPropertyInfo property, string path)
        {
            try
            {
                return property.Value;
            }
            catch (Exception e) when (!(e is ArgumentException))
            {
                string reason = (e.InnerException ?? e).Message.Trim();
                throw new ArgumentException($"{path}.{property.Name} could not be read ({ShownValue.Shorten(reason, ShownValue.Long)}). " +
                    "Send only the properties the request needs, for example with Select-Object or a hashtable.", e);
            }
        }
    }
}
