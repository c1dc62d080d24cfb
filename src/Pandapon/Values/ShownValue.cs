using System;
using System.Globalization;
using System.Text;

namespace Pandapon.Values
{
    /// <summary>
    /// How a value appears inside a message: on one line (line breaks and tabs as spaces, any other control character
    /// as \uXXXX, so an invisible character in a pasted id shows) and cut at a length with
    /// "…", so a 151-character description or a long JSON value does not fill the screen. The one shortener of the
    /// module: input checks, data errors and response errors all quote values through it.
    /// </summary>
    public static class ShownValue
    {
        /// <summary>The length input checks and field descriptions show.</summary>
        public const int Short = 40;

        /// <summary>The length a raw JSON value in a data error shows.</summary>
        public const int Long = 120;

        public static string Shorten(string text, int max = Short)
        {
            var line = new StringBuilder(Math.Min(text.Length, max + 1));
            foreach (char c in text)
            {
                if (line.Length > max) break;   // a megabyte body is previewed without walking all of it
                if (c == '\r' || c == '\n' || c == '\t') line.Append(' ');
                else if (char.IsControl(c)) line.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                else line.Append(c);
            }
            return line.Length > max ? line.ToString(0, max) + "…" : line.ToString();
        }
    }
}
