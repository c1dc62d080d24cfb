using System.Globalization;
using System.Management.Automation;
using System.Numerics;
using System.Text.Json;

namespace Pandapon.Conversion
{
    /// <summary>
    /// Turns JSON into what Invoke-RestMethod gives: objects as PSCustomObjects (properties in document order),
    /// arrays as object[], strings, booleans and nulls as themselves. Numbers stay exact: integers as long when they
    /// fit (19-digit ids do), then decimal, then BigInteger; fractions as decimal (amounts), double only when out of
    /// decimal's range. Strings are never turned into dates.
    /// </summary>
    public static class JsonToPowerShell
    {
        public static object? Convert(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var result = new PSObject();
                    foreach (JsonProperty property in element.EnumerateObject())
                    {
                        object? value = Convert(property.Value);
                        // Duplicate names (PowerShell compares them without case): the last one wins, as in JavaScript.
                        PSPropertyInfo? existing = result.Properties[property.Name];
                        if (existing != null) existing.Value = value;
                        else result.Properties.Add(new PSNoteProperty(property.Name, value));
                    }
                    return result;
                case JsonValueKind.Array:
                    var items = new object?[element.GetArrayLength()];
                    int i = 0;
                    foreach (JsonElement item in element.EnumerateArray()) items[i++] = Convert(item);
                    return items;
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    return ConvertNumber(element);
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }

        private static object ConvertNumber(JsonElement number)
        {
            string raw = number.GetRawText();
            bool integral = raw.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;
            if (integral)
            {
                if (number.TryGetInt64(out long whole)) return whole;
                if (number.TryGetDecimal(out decimal large)) return large;
                return BigInteger.Parse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            }
            if (number.TryGetDecimal(out decimal fraction)) return fraction;
            return number.GetDouble();
        }
    }
}
