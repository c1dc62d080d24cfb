using System;
using System.Collections.Generic;
using System.Globalization;

namespace Pandapon.Values
{
    /// <summary>
    /// Checks of the values a user gives a request, before anything is sent. Each failure is an
    /// <see cref="InvalidValueException"/> whose message names the value's source as the caller passed it (a
    /// cmdlet passes its parameter name, see <see cref="ParameterNames"/>) and the value, and says what would be accepted.
    /// </summary>
    internal static class InputCheck
    {
        /// <summary>Separators of a list written in one text (a CSV cell): ";" (what Export-Csv writes for our lists), "," and white space.</summary>
        private static readonly char[] IdSeparators = { ';', ',', ' ', '\t', '\r', '\n' };

        /// <summary>URLs may hold commas, so a list of them is split on ";" and white space only.</summary>
        private static readonly char[] UrlSeparators = { ';', ' ', '\t', '\r', '\n' };

        /// <summary>
        /// A 1688 numeric id (order, order entry, reason): digits only, at most 19, a positive Java <c>long</c>.
        /// Returned as its canonical digits, which the request writes as a JSON number without ever going through
        /// a floating-point type.
        /// </summary>
        public static long NumericId(string? text, string source, string what, string digitsRule = "1688 ids are whole numbers of up to 19 digits")
        {
            string value = (text ?? "").Trim();
            if (value.Length == 0) throw Invalid(source, text, $"{what} is required");
            if (LooksLikeScientificNotation(value))
            {
                throw Invalid(source, text, $"{what} is digits only, and this looks like a spreadsheet's scientific notation, which has lost " +
                    "digits of the 19-digit id: format the column as text in the spreadsheet, or export the ids again from the source");
            }
            foreach (char c in value)
            {
                if (c < '0' || c > '9') throw Invalid(source, text, $"{what} is digits only ({digitsRule})");
            }
            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long id) || id <= 0)
                throw Invalid(source, text, $"{what} is a number from 1 to {long.MaxValue.ToString(CultureInfo.InvariantCulture)}");
            return id;
        }

        /// <summary>Ids from several values, each of which may itself be a list ("id1;id2", as one CSV cell holds it). Duplicates are kept once.</summary>
        public static List<long> NumericIds(IEnumerable<string?>? values, string source, string what)
        {
            var ids = new List<long>();
            foreach (string item in Split(values, IdSeparators))
            {
                long id = NumericId(item, source, what);
                if (!ids.Contains(id)) ids.Add(id);
            }
            return ids;
        }

        /// <summary>
        /// One of <paramref name="allowed"/> (compared without case; white space around it trimmed), returned as
        /// <paramref name="allowed"/> spells it; anything else is refused, listing the accepted values.
        /// </summary>
        public static string OneOf(string? text, string source, IReadOnlyList<string> allowed, string what)
        {
            string value = (text ?? "").Trim();
            foreach (string candidate in allowed)
            {
                if (string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase)) return candidate;
            }
            throw Invalid(source, text, $"{what} is one of {string.Join(", ", allowed)}");
        }

        /// <summary>Longest refund id accepted before sending ("TQ" and digits; 1688's own are 19 characters).</summary>
        public const int MaxRefundIdLength = 64;

        /// <summary>
        /// A 1688 refund id, the one rule of every cmdlet that takes one (docs/api.md, "Ids"): "TQ" followed by digits;
        /// white space around it is trimmed (a CSV cell) and "tq" is upper-cased, so "tq123" is sent as "TQ123".
        /// Anything else is refused before sending; a Taobao reverse-order id (digits only) with the caller's hint, what to do instead.
        /// </summary>
        public static string RefundId(string? text, string source, string? otherPlatformHint = null)
        {
            string value = (text ?? "").Trim();
            if (value.Length == 0) throw Invalid(source, text, string.IsNullOrEmpty(text) ? "it is empty" : "it is only white space");
            foreach (char c in value)
            {
                if (char.IsControl(c)) throw Invalid(source, text, $"it contains the control character U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}");
                if (char.IsWhiteSpace(c)) throw Invalid(source, text, "it contains white space (refund ids have none)");
            }
            if (value.Length > MaxRefundIdLength)
            {
                throw Invalid(source, text, $"it is {value.Length.ToString(CultureInfo.InvariantCulture)} characters long, more than the " +
                    $"{MaxRefundIdLength.ToString(CultureInfo.InvariantCulture)} a refund id can have");
            }
            bool tq = value.Length > 2 && (value[0] == 'T' || value[0] == 't') && (value[1] == 'Q' || value[1] == 'q') && AllDigits(value, 2);
            if (tq) return "TQ" + value.Substring(2);
            if (AllDigits(value, 0))
            {
                throw Invalid(source, text, "a 1688 refund id is \"TQ\" followed by digits; digits only is a Taobao reverse-order id" +
                    (otherPlatformHint == null ? "" : ": " + otherPlatformHint));
            }
            throw Invalid(source, text, "a 1688 refund id is \"TQ\" followed by digits, for example TQ21443713367004032");
        }

        /// <summary>
        /// A Taobao reverse-order id (docs/api-taobao-refunds.md §2): digits only, a positive Java <c>long</c>. A 1688
        /// refund id ("TQ" and digits) is refused with <paramref name="otherPlatformHint"/>, what to do with it instead.
        /// </summary>
        public static long TaobaoRefundId(string? text, string source, string? otherPlatformHint = null)
        {
            string value = (text ?? "").Trim();
            if (value.Length > 2 && (value[0] == 'T' || value[0] == 't') && (value[1] == 'Q' || value[1] == 'q') && AllDigits(value, 2))
            {
                throw Invalid(source, text, "a Taobao reverse-order id is digits only; \"TQ\" and digits is a 1688 refund id" +
                    (otherPlatformHint == null ? "" : ": " + otherPlatformHint));
            }
            return NumericId(text, source, "a Taobao reverse-order id", "Taobao reverse-order ids are whole numbers, for example 110000235001");
        }

        private static bool AllDigits(string value, int from)
        {
            for (int i = from; i < value.Length; i++)
            {
                if (value[i] < '0' || value[i] > '9') return false;
            }
            return true;
        }

        /// <summary>
        /// Voucher URLs: each an absolute http or https URL; several may share one value separated by ";" or spaces
        /// (a CSV cell). Empty values are ignored, so an empty CSV cell means none.
        /// <c>what</c> says what one URL is, for the message.
        /// </summary>
        public static List<string> Urls(IEnumerable<string?>? values, string source, int max,
            string what = "a voucher is the absolute http or https URL of an uploaded image")
        {
            var urls = new List<string>();
            foreach (string item in Split(values, UrlSeparators))
            {
                if (!Uri.TryCreate(item, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
                    throw Invalid(source, item, what + ", for example https://cbu01.alicdn.com/img/ibank/O1CN01example.jpg");
                urls.Add(item);
            }
            if (urls.Count > max)
                throw new InvalidValueException($"{source} is not valid: {urls.Count.ToString(CultureInfo.InvariantCulture)} URLs were given; PandaPon accepts at most {max.ToString(CultureInfo.InvariantCulture)}.", source);
            return urls;
        }

        /// <summary>Free text with a length rule, counted in UTF-16 code units as the Java service counts (an emoji counts as two).</summary>
        public static string Text(string? text, string source, int min, int max)
        {
            string value = text ?? "";
            if (value.Trim().Length == 0 && min > 0) throw new InvalidValueException($"{source} is required: {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)} characters.", source);
            if (value.Length < min || value.Length > max)
            {
                throw Invalid(source, value, $"it is {value.Length.ToString(CultureInfo.InvariantCulture)} characters long; PandaPon accepts " +
                    $"{min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)} (counted as Java counts: an emoji is two)");
            }
            return value;
        }

        /// <summary>A code from a short list such as a carrier's companyNo or a waybill number: letters, digits and "-", no spaces.</summary>
        public static string Code(string? text, string source, string what, int max)
        {
            string value = (text ?? "").Trim();
            if (value.Length == 0) throw Invalid(source, text, $"{what} is required");
            bool valid = value.Length <= max;
            foreach (char c in value) valid &= (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_';
            if (!valid) throw Invalid(source, text, $"{what} is up to {max.ToString(CultureInfo.InvariantCulture)} letters, digits, '-' or '_'");
            return value;
        }

        /// <summary>
        /// The error for <paramref name="value"/> of <paramref name="source"/>: "&lt;source&gt; 'abc' is not valid: reason."
        /// Long values are shortened, so a 151-character description does not fill the screen.
        /// </summary>
        public static InvalidValueException Invalid(string source, object? value, string reason)
        {
            string shown = value == null ? "(null)" : "'" + ShownValue.Shorten(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "") + "'";
            return new InvalidValueException($"{source} {shown} is not valid: {reason}.", source);
        }

        /// <summary>"2.0196E+18", as Excel shows and saves a long number: digits, one point, E, a sign and digits.</summary>
        private static bool LooksLikeScientificNotation(string value)
        {
            int e = value.IndexOfAny(new[] { 'E', 'e' });
            if (e <= 0 || e == value.Length - 1) return false;
            string mantissa = value.Substring(0, e), exponent = value.Substring(e + 1).TrimStart('+');
            return decimal.TryParse(mantissa, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
                && int.TryParse(exponent, NumberStyles.None, CultureInfo.InvariantCulture, out _);
        }

        /// <summary>Every non-empty part of <paramref name="values"/>, each split on <paramref name="separators"/>.</summary>
        private static IEnumerable<string> Split(IEnumerable<string?>? values, char[] separators)
        {
            if (values == null) yield break;
            foreach (string? value in values)
            {
                if (value == null) continue;
                foreach (string part in value.Split(separators, StringSplitOptions.RemoveEmptyEntries)) yield return part;
            }
        }
    }
}
