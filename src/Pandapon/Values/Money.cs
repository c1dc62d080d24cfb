using System;
using System.Globalization;

namespace Pandapon.Values
{
    /// <summary>
    /// Yuan (what users type and see) and fen (what the API sends and takes: whole hundredths of a yuan).
    /// Conversions are exact and never round: an amount with a fraction of a fen is refused.
    /// </summary>
    public static class Money
    {
        /// <summary>
        /// <paramref name="yuan"/> as whole fen. Refused, with a message naming <paramref name="source"/> and the value:
        /// a negative amount, more than two decimal places (123.456 is not rounded to 123.46; 123.450 is fine),
        /// and an amount too large for the API's 64-bit fen.
        /// </summary>
        public static long YuanToFen(decimal yuan, string source)
        {
            string shown = yuan.ToString(CultureInfo.InvariantCulture);
            if (yuan < 0) throw new InvalidValueException($"{source} {shown} is not valid: an amount cannot be negative.", source);
            decimal fen;
            try
            {
                fen = yuan * 100m;
            }
            catch (OverflowException)
            {
                throw TooLarge(source, shown);
            }
            if (fen != decimal.Truncate(fen))
            {
                throw new InvalidValueException($"{source} {shown} is not valid: it has more than two decimal places. Amounts are yuan to the fen " +
                    "(0.01), for example 123.45; Pandapon does not round them.", source);
            }
            if (fen > long.MaxValue) throw TooLarge(source, shown);
            return decimal.ToInt64(fen);
        }

        /// <summary>Fen as yuan with two decimal places (1230 fen is 12.30), exact for every <c>long</c>.</summary>
        public static decimal FenToYuan(long fen) => LenientJson.FenToYuan(fen);

        /// <summary>
        /// Reads an amount in yuan written as text (a CSV cell): "123.45", also "¥123.45", "123.45元" or "123.45 CNY".
        /// A comma is refused rather than guessed (it is a decimal separator in some cultures and a thousands separator
        /// in others). Returns the amount, or throws <see cref="InvalidValueException"/> naming <paramref name="source"/>.
        /// </summary>
        public static decimal ParseYuan(string? text, string source)
        {
            string value = (text ?? "").Trim();
            if (value.StartsWith("¥", StringComparison.Ordinal) || value.StartsWith("￥", StringComparison.Ordinal)) value = value.Substring(1).TrimStart();
            if (value.EndsWith("元", StringComparison.Ordinal)) value = value.Substring(0, value.Length - 1).TrimEnd();
            else if (value.EndsWith("CNY", StringComparison.OrdinalIgnoreCase)) value = value.Substring(0, value.Length - 3).TrimEnd();
            if (value.Length == 0) throw InputCheck.Invalid(source, text, "an amount in yuan is required, for example 123.45");
            if (value.IndexOf(',') >= 0)
                throw InputCheck.Invalid(source, text, "write the amount in yuan with a point as the decimal separator and no thousands separator, for example 1234.50");
            if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal yuan))
                throw InputCheck.Invalid(source, text, "an amount is yuan as a number, for example 123.45");
            return yuan;
        }

        private static InvalidValueException TooLarge(string source, string shown)
            => new InvalidValueException($"{source} {shown} is not valid: the amount is too large.", source);
    }
}
