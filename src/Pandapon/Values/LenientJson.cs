using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Pandapon.Values
{
    /// <summary>
    /// Liberal readers of single JSON values, for data whose wire types drift (numbers sent as strings, booleans
    /// as "1", lists as JSON text). Null, and the empty string for anything but text, read as null. A value that
    /// cannot mean what the field means throws <see cref="FormatException"/> whose message says what was
    /// expected; the caller adds the record and the field. Nothing here guesses: never a silent zero.
    /// </summary>
    internal static class LenientJson
    {
        /// <summary>China Standard Time: +08:00 all year (no daylight saving since 1991).</summary>
        public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

        private const string ExpectedTime =
            "expected a time as yyyyMMddHHmmssSSS+0800, yyyy-MM-dd HH:mm:ss (China time) or epoch milliseconds";

        /// <summary>Text as sent; a number keeps every digit, an object or array stays JSON text.</summary>
        public static string? ReadText(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    return null;
                case JsonValueKind.String:
                    return value.GetString();
                case JsonValueKind.True:
                    return "true";
                case JsonValueKind.False:
                    return "false";
                default:
                    return value.GetRawText();
            }
        }

        /// <summary>
        /// An identifier as a string. A number is taken digit for digit from the JSON text, so a 19-digit id stays
        /// exact; a number with a fraction or exponent is refused, since it may already have lost digits.
        /// </summary>
        public static string? ReadIdentifier(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    return null;
                case JsonValueKind.String:
                    string text = value.GetString()!.Trim();
                    return text.Length == 0 ? null : text;
                case JsonValueKind.Number:
                    string raw = value.GetRawText();
                    if (IsWholeNumberText(raw)) return raw;
                    throw new FormatException("expected an identifier (a string or a whole number); a number with a fraction or an exponent may have lost digits");
                default:
                    throw new FormatException("expected an identifier (a string or a whole number)");
            }
        }

        /// <summary>
        /// A numeric id (1688 orders and order entries, Taobao reverse orders): <see cref="ReadIdentifier"/>, digits
        /// only; text that is not digits (a placeholder such as "string") cannot be such an id.
        /// </summary>
        public static string? ReadNumericId(JsonElement value)
        {
            string? id = ReadIdentifier(value);
            if (id == null) return null;
            foreach (char c in id)
                if (c < '0' || c > '9') throw new FormatException("expected an id of digits");
            return id;
        }

        /// <summary>A code or count: a whole number, also when sent as a string ("3") or with a zero fraction (3.0).</summary>
        public static int? ReadInt32(JsonElement value)
            => (int?)ReadWholeNumber(value, int.MinValue, int.MaxValue, "expected a whole number");

        /// <summary>A count that may pass int's range (a list's total): a whole number, also sent as a string.</summary>
        public static long? ReadInt64(JsonElement value)
            => ReadWholeNumber(value, long.MinValue, long.MaxValue, "expected a whole number");

        /// <summary>An amount or quantity sent as it is meant (yuan with decimals, not fen): a JSON number or a string holding one, exact.</summary>
        public static decimal? ReadDecimal(JsonElement value)
        {
            const string Expected = "expected a number such as 12.50";
            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    return null;
                case JsonValueKind.Number:
                    if (value.TryGetDecimal(out decimal number)) return number;
                    break;
                case JsonValueKind.String:
                    string text = value.GetString()!.Trim();
                    if (text.Length == 0) return null;
                    const NumberStyles DecimalText = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
                    if (decimal.TryParse(text, DecimalText, CultureInfo.InvariantCulture, out number)) return number;
                    break;
            }
            throw new FormatException(Expected);
        }

        /// <summary>true/false, also sent as 1/0 or as the strings "true", "false", "1", "0" (any case).</summary>
        public static bool? ReadBoolean(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    return null;
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.Number:
                case JsonValueKind.String:
                    string text = (value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()).Trim();
                    if (text.Length == 0) return null;
                    if (text == "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
                    if (text == "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
                    break;
            }
            throw new FormatException("expected true or false (or 1 or 0)");
        }

        /// <summary>An amount the API sends in fen (a whole number), as yuan: exact for every <c>long</c>.</summary>
        public static decimal? ReadFenAsYuan(JsonElement value)
        {
            long? fen = ReadWholeNumber(value, long.MinValue, long.MaxValue, "expected an amount in fen (a whole number)");
            return fen.HasValue ? FenToYuan(fen.Value) : (decimal?)null;
        }

        /// <summary>
        /// fen / 100, built directly as a decimal with two decimal places (so 1230 fen shows as 12.30): exact for
        /// every <c>long</c>, because the decimal's 96-bit mantissa holds any 64-bit magnitude.
        /// </summary>
        public static decimal FenToYuan(long fen)
        {
            ulong magnitude = fen < 0 ? (ulong)(-(fen + 1)) + 1UL : (ulong)fen;
            return new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), 0, fen < 0, 2);
        }

        /// <summary>
        /// A time: 1688's <c>yyyyMMddHHmmssSSS+0800</c> (also without milliseconds or offset), PandaPon's
        /// <c>yyyy-MM-dd HH:mm:ss</c> (also with a T, a fraction or an offset), or epoch milliseconds (13 digits).
        /// A time without an offset is China time (+08:00); epoch milliseconds are shown in China time too.
        /// </summary>
        public static DateTimeOffset? ReadTime(JsonElement value)
        {
            string text;
            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    return null;
                case JsonValueKind.String:
                    text = value.GetString()!.Trim();
                    if (text.Length == 0) return null;
                    break;
                case JsonValueKind.Number:
                    text = value.GetRawText();
                    break;
                default:
                    throw new FormatException(ExpectedTime);
            }
            if (TryParseTime(text, out var time)) return time;
            throw new FormatException(ExpectedTime);
        }

        /// <summary>
        /// A list of strings: a JSON array, text holding one (<c>"[1,2]"</c>, also Java's <c>[a, b]</c>), or text
        /// with the items separated by "," or ";". Identifiers are read with <see cref="ReadIdentifier"/>.
        /// </summary>
        public static List<string> ReadStringList(JsonElement value, bool identifiers)
        {
            var items = new List<string>();
            ReadCollection(value, '[', ']', "expected a list: a JSON array, or text with the items separated by ',' or ';'",
                source =>
                {
                    switch (source.ValueKind)
                    {
                        case JsonValueKind.Array:
                            foreach (var element in source.EnumerateArray())
                            {
                                string? item = identifiers ? ReadIdentifier(element) : ReadText(element);
                                if (item != null) items.Add(item);
                            }
                            return true;
                        case JsonValueKind.Number:
                            items.Add(ReadIdentifier(source)!);
                            return true;
                        default:
                            return false;
                    }
                },
                part =>
                {
                    string item = part.Trim().Trim('"').Trim();
                    if (item.Length > 0) items.Add(item);
                });
            return items;
        }

        /// <summary>
        /// A map of id to whole number: a JSON object, text holding one, or Java's <c>{id=2, id=1}</c>.
        /// Entries whose number is null are left out. Order is kept; a repeated id keeps its last number.
        /// </summary>
        public static Dictionary<string, int> ReadCountMap(JsonElement value)
        {
            const string Expected = "expected a map of id to quantity: a JSON object, or text holding one";
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            ReadCollection(value, '{', '}', Expected,
                source =>
                {
                    if (source.ValueKind != JsonValueKind.Object) return false;
                    foreach (var entry in source.EnumerateObject())
                    {
                        int? count = ReadInt32(entry.Value);
                        if (count.HasValue) counts[entry.Name] = count.Value;
                    }
                    return true;
                },
                pair =>
                {
                    int separator = pair.IndexOfAny(new[] { '=', ':' });
                    string key = separator < 0 ? "" : pair.Substring(0, separator).Trim().Trim('"');
                    string number = separator < 0 ? "" : pair.Substring(separator + 1).Trim().Trim('"');
                    if (key.Length == 0 || !int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int count))
                        throw new FormatException(Expected);
                    counts[key] = count;
                });
            return counts;
        }

        /// <summary>
        /// What the list and map readers share: the value, or the JSON its text holds (<see cref="ReadUnwrapped"/>),
        /// goes to <paramref name="readJson"/>, which returns false for a shape it does not take; other text, as Java's
        /// toString() writes it, loses its <paramref name="open"/>/<paramref name="close"/> brackets and is split at
        /// "," and ";", each non-blank part going to <paramref name="readPart"/>. Null or missing reads nothing.
        /// </summary>
        private static void ReadCollection(JsonElement value, char open, char close, string expected, Func<JsonElement, bool> readJson, Action<string> readPart)
        {
            ReadUnwrapped(value, source =>
            {
                switch (source.ValueKind)
                {
                    case JsonValueKind.Null:
                    case JsonValueKind.Undefined:
                        return true;
                    case JsonValueKind.String:
                        foreach (string part in StripBrackets(source.GetString()!, open, close).Split(',', ';'))
                            if (part.Trim().Length > 0) readPart(part);
                        return true;
                    default:
                        return readJson(source) ? true : throw new FormatException(expected);
                }
            });
        }

        /// <summary>
        /// <paramref name="read"/> of the value, or of the JSON its text holds when it is a string holding an array or an
        /// object: the one place that unwraps JSON sent inside a string (the API does so for some structured fields).
        /// </summary>
        public static T ReadUnwrapped<T>(JsonElement value, Func<JsonElement, T> read)
        {
            using (JsonDocument? embedded = ParseEmbedded(value))
            {
                return read(embedded?.RootElement ?? value);
            }
        }

        /// <summary>
        /// The JSON that a string value holds, when its text is an array or an object (the API sends some
        /// structured fields as JSON text); null when the value is not such a string or the text is not JSON.
        /// </summary>
        private static JsonDocument? ParseEmbedded(JsonElement value)
        {
            if (value.ValueKind != JsonValueKind.String) return null;
            string text = value.GetString()!.Trim();
            if (text.Length < 2 || (text[0] != '[' && text[0] != '{')) return null;
            try
            {
                return JsonDocument.Parse(text);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>The value's JSON text for an error message; "(nothing)" for a missing value.</summary>
        public static string Describe(JsonElement value)
            => value.ValueKind == JsonValueKind.Undefined ? "(nothing)" : ShownValue.Shorten(value.GetRawText(), ShownValue.Long);

        private static long? ReadWholeNumber(JsonElement value, long min, long max, string expected)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    return null;
                case JsonValueKind.Number:
                    if (value.TryGetInt64(out long number) && number >= min && number <= max) return number;
                    if (value.TryGetDecimal(out decimal exact) && TryWhole(exact, min, max, out number)) return number;
                    break;
                case JsonValueKind.String:
                    string text = value.GetString()!.Trim();
                    if (text.Length == 0) return null;
                    if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number) && number >= min && number <= max)
                        return number;
                    const NumberStyles DecimalText = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
                    if (decimal.TryParse(text, DecimalText, CultureInfo.InvariantCulture, out exact) && TryWhole(exact, min, max, out number))
                        return number;
                    break;
            }
            throw new FormatException(expected + " from " + min.ToString(CultureInfo.InvariantCulture) + " to " + max.ToString(CultureInfo.InvariantCulture));
        }

        private static bool TryWhole(decimal value, long min, long max, out long number)
        {
            number = 0;
            if (value != decimal.Truncate(value) || value < min || value > max) return false;
            number = (long)value;
            return true;
        }

        private static bool IsWholeNumberText(string text)
        {
            int start = text.Length > 0 && text[0] == '-' ? 1 : 0;
            if (start == text.Length) return false;
            for (int i = start; i < text.Length; i++)
                if (text[i] < '0' || text[i] > '9') return false;
            return true;
        }

        private static string StripBrackets(string text, char open, char close)
        {
            string trimmed = text.Trim();
            return trimmed.Length >= 2 && trimmed[0] == open && trimmed[trimmed.Length - 1] == close
                ? trimmed.Substring(1, trimmed.Length - 2)
                : trimmed;
        }

        private static bool TryParseTime(string text, out DateTimeOffset time)
        {
            time = default;
            int digits = CountDigits(text, 0);
            if (digits == 13 && digits == text.Length)
            {
                long milliseconds = long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
                if (milliseconds > 253402300799999L) return false;
                time = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).ToOffset(ChinaOffset);
                return true;
            }
            if (digits == 14 || digits == 17)
            {
                // 1688: yyyyMMddHHmmss[SSS][offset]
                long fractionTicks = digits == 17 ? Digits(text, 14, 3) * TimeSpan.TicksPerMillisecond : 0;
                return TryReadOffset(text, digits, out var offset)
                    && TryCreate(Digits(text, 0, 4), Digits(text, 4, 2), Digits(text, 6, 2), Digits(text, 8, 2), Digits(text, 10, 2), Digits(text, 12, 2), fractionTicks, offset, out time);
            }
            if (digits == 4 && text.Length >= 10 && text[4] == '-' && text[7] == '-' && CountDigits(text, 5) == 2 && CountDigits(text, 8) == 2)
            {
                // PandaPon: yyyy-MM-dd[( |T)HH:mm[:ss[.fffffff]]][offset]
                int hour = 0, minute = 0, second = 0;
                long fractionTicks = 0;
                int position = 10;
                if (position < text.Length && (text[position] == ' ' || text[position] == 'T') && HasTwoDigits(text, position + 1))
                {
                    if (position + 6 > text.Length || text[position + 3] != ':' || !HasTwoDigits(text, position + 4)) return false;
                    hour = Digits(text, position + 1, 2);
                    minute = Digits(text, position + 4, 2);
                    position += 6;
                    if (position < text.Length && text[position] == ':')
                    {
                        if (!HasTwoDigits(text, position + 1)) return false;
                        second = Digits(text, position + 1, 2);
                        position += 3;
                        if (position < text.Length && text[position] == '.')
                        {
                            int fractionDigits = CountDigits(text, position + 1);
                            if (fractionDigits == 0 || fractionDigits > 7) return false;
                            fractionTicks = Digits(text, position + 1, fractionDigits);
                            for (int i = fractionDigits; i < 7; i++) fractionTicks *= 10;
                            position += 1 + fractionDigits;
                        }
                    }
                }
                return TryReadOffset(text, position, out var offset)
                    && TryCreate(Digits(text, 0, 4), Digits(text, 5, 2), Digits(text, 8, 2), hour, minute, second, fractionTicks, offset, out time);
            }
            return false;
        }

        /// <summary>The offset that ends a time: none (China time), "Z", or +hh, +hhmm, +hh:mm (or -), after an optional space.</summary>
        private static bool TryReadOffset(string text, int position, out TimeSpan offset)
        {
            offset = ChinaOffset;
            if (position < text.Length && text[position] == ' ') position++;
            int rest = text.Length - position;
            if (rest == 0) return true;
            if (rest == 1 && (text[position] == 'Z' || text[position] == 'z'))
            {
                offset = TimeSpan.Zero;
                return true;
            }
            char sign = text[position];
            if (sign != '+' && sign != '-' || !HasTwoDigits(text, position + 1)) return false;
            int hours = Digits(text, position + 1, 2), minutes = 0;
            if (rest == 5 && HasTwoDigits(text, position + 3)) minutes = Digits(text, position + 3, 2);
            else if (rest == 6 && text[position + 3] == ':' && HasTwoDigits(text, position + 4)) minutes = Digits(text, position + 4, 2);
            else if (rest != 3) return false;
            if (hours > 14 || minutes > 59) return false;
            offset = new TimeSpan(hours, minutes, 0);
            if (sign == '-') offset = offset.Negate();
            return true;
        }

        private static bool TryCreate(int year, int month, int day, int hour, int minute, int second, long fractionTicks, TimeSpan offset, out DateTimeOffset time)
        {
            time = default;
            if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
                || hour > 23 || minute > 59 || second > 59)
                return false;
            try
            {
                time = new DateTimeOffset(new DateTime(year, month, day, hour, minute, second).AddTicks(fractionTicks), offset);
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
                return false; // the UTC time falls outside year 1 to 9999
            }
        }

        private static int CountDigits(string text, int start)
        {
            int i = start;
            while (i < text.Length && text[i] >= '0' && text[i] <= '9') i++;
            return i - start;
        }

        private static bool HasTwoDigits(string text, int start) => start + 2 <= text.Length && CountDigits(text, start) >= 2;

        private static int Digits(string text, int start, int count)
        {
            int number = 0;
            for (int i = start; i < start + count; i++) number = number * 10 + (text[i] - '0');
            return number;
        }
    }
}
