using System;
using System.Globalization;

namespace Pandapon.Values
{
    /// <summary>
    /// A value as text that reads back the same in every culture: what a CSV cell should hold. Export-Csv writes
    /// <c>value.ToString()</c>, which follows the current culture (under de-DE a decimal 149.40 becomes "149,40" and a
    /// time loses its milliseconds), while PowerShell's casts (<c>[decimal]</c>, <c>[DateTimeOffset]</c>) and
    /// Measure-Object read text with the invariant culture. Text made here is what those casts read back exactly.
    /// </summary>
    public static class InvariantText
    {
        private const string DateAndTime = "yyyy'-'MM'-'dd'T'HH':'mm':'ss";
        private const string Milliseconds = ".fff";
        private const string Ticks = ".fffffff";

        /// <summary>
        /// <paramref name="value"/> as invariant text; null for null (an empty cell).
        /// <list type="bullet">
        /// <item>decimal: invariant, keeping its scale (149.40 stays "149.40").</item>
        /// <item>DateTimeOffset: ISO 8601 with milliseconds and the offset, "2025-01-20T09:35:51.123+08:00"; seven
        /// fraction digits only when the value has ticks below a millisecond, so nothing is lost.</item>
        /// <item>DateTime: the same digits; the Kind decides the suffix: Utc "Z", Local the local offset at that
        /// time, Unspecified none (no offset is invented).</item>
        /// <item>double and float: the shortest text that parses back to the same number ("R"; "G17"/"G9" where
        /// "R" does not round-trip, as on .NET Framework).</item>
        /// <item>enum: its name, or its number when the value has none (a code the module does not know); bool:
        /// "True"/"False".</item>
        /// <item>any other formattable value (integers, TimeSpan, Guid...): <c>IFormattable.ToString(null, invariant)</c>.</item>
        /// <item>anything else, such as the module's lists (one cell: ids joined with ";", a history summary):
        /// its own <c>ToString()</c>, as Export-Csv would write it.</item>
        /// </list>
        /// </summary>
        public static string? Format(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case string text:
                    return text;
                case decimal number:
                    return number.ToString(CultureInfo.InvariantCulture);
                case DateTimeOffset time:
                    return time.ToString(DateAndTime + Fraction(time.Ticks) + "zzz", CultureInfo.InvariantCulture);
                case DateTime time:
                    return time.ToString(DateAndTime + Fraction(time.Ticks) + "K", CultureInfo.InvariantCulture);
                case double number:
                    return RoundTrip(number);
                case float number:
                    return RoundTrip(number);
                case Enum name:
                    return EnumText(name);
                case bool flag:
                    return flag ? bool.TrueString : bool.FalseString;
                case IFormattable formattable:
                    return formattable.ToString(null, CultureInfo.InvariantCulture);
                default:
                    return value.ToString();
            }
        }

        /// <summary>The name; a value without one is its number, which Enum.ToString writes with the culture's minus sign.</summary>
        private static string EnumText(Enum value)
        {
            string text = value.ToString();
            bool named = text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_');
            if (named) return text;
            var number = (IFormattable)Convert.ChangeType(value, value.GetTypeCode(), CultureInfo.InvariantCulture);
            return number.ToString(null, CultureInfo.InvariantCulture);
        }

        private static string Fraction(long ticks) => ticks % TimeSpan.TicksPerMillisecond == 0 ? Milliseconds : Ticks;

        private static string RoundTrip(double number)
        {
            string text = number.ToString("R", CultureInfo.InvariantCulture);
            bool readsBack = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && parsed.Equals(number);
            return readsBack ? text : number.ToString("G17", CultureInfo.InvariantCulture);
        }

        private static string RoundTrip(float number)
        {
            string text = number.ToString("R", CultureInfo.InvariantCulture);
            bool readsBack = float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float parsed) && parsed.Equals(number);
            return readsBack ? text : number.ToString("G9", CultureInfo.InvariantCulture);
        }
    }
}
