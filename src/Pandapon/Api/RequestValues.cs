using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Pandapon.Api
{
    /// <summary>
    /// Checks of the values a user gives a write request, before anything is sent. Each failure is an
    /// <see cref="InvalidValueException"/> whose message names the parameter (<c>source</c>, e.g. "-OrderId") and the
    /// value, and says what would be accepted.
    /// </summary>
    internal static class RequestValues
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
        public static long NumericId(string? text, string source, string what)
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
                if (c < '0' || c > '9') throw Invalid(source, text, $"{what} is digits only (1688 ids are whole numbers of up to 19 digits)");
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

        /// <summary>A 1688 refund id: "TQ" and digits (upper-cased: "tq123" is "TQ123").</summary>
        public static string RefundId(string? text, string source)
        {
            string value = (text ?? "").Trim();
            bool valid = value.Length > 2 && value.Length <= 40 && (value[0] == 'T' || value[0] == 't') && (value[1] == 'Q' || value[1] == 'q');
            for (int i = 2; valid && i < value.Length; i++) valid = value[i] >= '0' && value[i] <= '9';
            if (!valid) throw Invalid(source, text, "a 1688 refund id is \"TQ\" followed by digits, for example TQ21443713367004032");
            return "TQ" + value.Substring(2);
        }

        /// <summary>
        /// Voucher URLs: each an absolute http or https URL; several may share one value separated by ";" or spaces
        /// (a CSV cell). Empty values are ignored, so an empty CSV cell means none.
        /// </summary>
        public static List<string> Urls(IEnumerable<string?>? values, string source, int max)
        {
            var urls = new List<string>();
            foreach (string item in Split(values, UrlSeparators))
            {
                if (!Uri.TryCreate(item, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
                    throw Invalid(source, item, "a voucher is the absolute http or https URL of an uploaded image, for example https://cbu01.alicdn.com/img/ibank/O1CN01example.jpg");
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
        /// The error for <paramref name="value"/> of <paramref name="source"/>: "-OrderId 'abc' is not valid: reason."
        /// Long values are shortened, so a 151-character description does not fill the screen.
        /// </summary>
        public static InvalidValueException Invalid(string source, object? value, string reason)
        {
            string shown = value == null ? "(null)" : "'" + Shorten(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "") + "'";
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

        private static string Shorten(string text)
        {
            var line = new StringBuilder(text.Length);
            foreach (char c in text) line.Append(char.IsControl(c) ? ' ' : c);
            return line.Length > 40 ? line.ToString(0, 40) + "…" : line.ToString();
        }
    }
}
