using System;
using Pandapon.Values;

namespace Pandapon.Client
{
    /// <summary>
    /// Reads a signature recipe from the text users write (parameters, environment variables, the profile store),
    /// in one place, so every source accepts the same spellings and reports a bad one the same way.
    /// </summary>
    public static class SignatureRecipe
    {
        public const string AlgorithmNames = "MD5, SHA1, SHA256 or HMAC-SHA256";

        /// <summary>The names under which the four parts are reported in errors.</summary>
        public sealed class Names
        {
            public Names(string template, string algorithm, string letterCase, string timestampUnit)
            {
                Template = template;
                Algorithm = algorithm;
                Case = letterCase;
                TimestampUnit = timestampUnit;
            }

            public string Template { get; }
            public string Algorithm { get; }
            public string Case { get; }
            public string TimestampUnit { get; }
        }

        /// <summary>
        /// The recipe with each given part replacing the one of <paramref name="basis"/> (the default recipe when null).
        /// Throws <see cref="ArgumentException"/> whose message and ParamName name the part and its value.
        /// </summary>
        public static SignatureOptions Parse(string? template, string? algorithm, string? letterCase, Names names, SignatureOptions? basis = null,
            string? timestampUnit = null)
        {
            basis = basis ?? SignatureOptions.Default;
            if (template == null && algorithm == null && letterCase == null && timestampUnit == null) return basis;

            SignatureAlgorithm parsedAlgorithm = basis.Algorithm;
            if (algorithm != null && !RequestSigner.TryParseAlgorithm(algorithm, out parsedAlgorithm))
                throw new InvalidValueException($"{names.Algorithm} '{algorithm}' is not {AlgorithmNames}.", names.Algorithm);

            SignatureCase parsedCase = basis.Case;
            if (letterCase != null && !TryParseCase(letterCase, out parsedCase))
                throw new InvalidValueException($"{names.Case} '{letterCase}' is not Upper or Lower.", names.Case);

            TimestampUnit parsedUnit = basis.TimestampUnit;
            if (timestampUnit != null && !RequestSigner.TryParseTimestampUnit(timestampUnit, out parsedUnit))
                throw new InvalidValueException($"{names.TimestampUnit} '{timestampUnit}' is not Milliseconds or Seconds.", names.TimestampUnit);

            try
            {
                return new SignatureOptions(template ?? basis.Template, parsedAlgorithm, parsedCase, parsedUnit);
            }
            catch (ArgumentException e)
            {
                throw new InvalidValueException($"{names.Template} '{template}' is not valid: {InvalidValueException.PlainMessage(e)}", names.Template, e);
            }
        }

        public static bool TryParseCase(string? text, out SignatureCase letterCase)
        {
            letterCase = SignatureCase.Upper;
            string trimmed = (text ?? "").Trim();
            if (string.Equals(trimmed, "Upper", StringComparison.OrdinalIgnoreCase)) return true;
            letterCase = SignatureCase.Lower;
            return string.Equals(trimmed, "Lower", StringComparison.OrdinalIgnoreCase);
        }
    }
}
