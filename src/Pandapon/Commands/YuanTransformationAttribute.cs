using System;
using System.Globalization;
using System.Management.Automation;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// Lets a yuan amount parameter (decimal) take text as a CSV cell holds it: "123.45", "¥123.45", "123.45元".
    /// PowerShell's own conversion would read an empty cell as 0 and report a comma only as "cannot convert";
    /// here an empty cell is an error (or 0 for an optional amount, when <see cref="EmptyIsZero"/>) and a comma
    /// is refused with the reason. Numbers pass through to PowerShell's conversion unchanged.
    /// </summary>
    public sealed class YuanTransformationAttribute : ArgumentTransformationAttribute
    {
        public YuanTransformationAttribute(string parameterName)
        {
            ParameterName = parameterName;
        }

        /// <summary>The parameter, as error messages name it ("-ApplyPayment").</summary>
        public string ParameterName { get; }

        /// <summary>Whether empty text means 0 (an optional amount left blank in a CSV).</summary>
        public bool EmptyIsZero { get; set; }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is double || value is float) return FromFloatingPoint(Convert.ToDouble(value, CultureInfo.InvariantCulture));
            if (!(value is string text)) return value;
            if (EmptyIsZero && text.Trim().Length == 0) return 0m;
            try
            {
                return Money.ParseYuan(text, ParameterName);
            }
            catch (InvalidValueException e)
            {
                throw new ArgumentTransformationMetadataException(e.Message, e);
            }
        }

        /// <summary>
        /// An unquoted 123.45 reaches us as a double; PowerShell's own conversion to decimal keeps 15 significant
        /// digits (12345678901234.56 becomes 12345678901234.6). The double's shortest round-trip text is what the
        /// user typed whenever that can be told; more than two decimals there (0.1+0.2 is 0.30000000000000004) is
        /// refused rather than rounded.
        /// </summary>
        private decimal FromFloatingPoint(double number)
        {
            string text = number.ToString("R", CultureInfo.InvariantCulture);
            if (double.IsNaN(number) || double.IsInfinity(number)
                || !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal yuan))
                throw Refused(text, "it is not an amount in yuan");
            if (Math.Abs(yuan) > 1e20m) throw Refused(text, "the amount is too large");
            if (yuan * 100m != decimal.Truncate(yuan * 100m))
            {
                throw Refused(text, "PowerShell read the unquoted number as a floating-point value, and that value has more than two decimal places. " +
                    "Quote the amount as you mean it (for example '123.45') or give it as a [decimal] (123.45d); Pandapon does not round amounts");
            }
            return yuan;
        }

        private ArgumentTransformationMetadataException Refused(string text, string reason)
        {
            InvalidValueException e = InputCheck.Invalid(ParameterName, text, reason);
            return new ArgumentTransformationMetadataException(e.Message, e);
        }
    }
}
