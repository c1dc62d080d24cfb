using System;
using System.Linq;
using System.Management.Automation;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// Lets an enum parameter take text as a CSV cell holds it (a name in any case, or its number), and refuses any
    /// other text naming the parameter, the value and the names accepted. Without it a bad cell bound by property
    /// name is dropped silently and PowerShell reports only that a mandatory parameter is missing.
    /// </summary>
    public sealed class EnumTransformationAttribute : ArgumentTransformationAttribute
    {
        public EnumTransformationAttribute(Type enumType, string parameterName)
        {
            EnumType = enumType;
            ParameterName = parameterName;
        }

        public Type EnumType { get; }

        /// <summary>The parameter, as error messages name it ("-DisputeRequest").</summary>
        public string ParameterName { get; }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (!(value is string text)) return inputData;
            string trimmed = text.Trim();
            bool known = trimmed.Length > 0 && !trimmed.StartsWith("-", StringComparison.Ordinal) && trimmed.IndexOf(',') < 0;
            object? parsed = null;
            if (known)
            {
                try
                {
                    parsed = Enum.Parse(EnumType, trimmed, ignoreCase: true);
                }
                catch (ArgumentException)
                {
                    known = false;
                }
            }
            if (known && Enum.IsDefined(EnumType, parsed!)) return parsed;
            string accepted = string.Join(", ", Enum.GetValues(EnumType).Cast<object>()
                .Select(v => $"{v} ({Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)})"));
            InvalidValueException e = InputCheck.Invalid(ParameterName, text, $"it is one of {accepted}, by name (any case) or number");
            throw new ArgumentTransformationMetadataException(e.Message, e);
        }
    }
}
