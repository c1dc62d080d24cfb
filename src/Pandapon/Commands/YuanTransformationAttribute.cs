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
    }
}
