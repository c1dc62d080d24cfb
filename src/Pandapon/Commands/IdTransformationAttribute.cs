using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Numerics;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// Lets an id parameter take only text or whole numbers (or an array of them). PowerShell would turn any object
    /// into text (a hashtable becomes "System.Collections.Hashtable", a CSV row "@{refund_id=TQ1}") and send that as an
    /// id; here such an object is refused, naming the properties it has and the ones that would bind, so a CSV whose
    /// column has another name, or which has no header at all, says so.
    /// </summary>
    public sealed class IdTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <param name="parameterName">The parameter, as messages name it ("-RefundId").</param>
        /// <param name="bindingNames">The property names that bind to it from the pipeline (its name and aliases).</param>
        public IdTransformationAttribute(string parameterName, params string[] bindingNames)
        {
            ParameterName = parameterName;
            BindingNames = bindingNames;
        }

        public string ParameterName { get; }

        public string[] BindingNames { get; }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is IEnumerable sequence && !(value is string) && !(value is IDictionary))
                return sequence.Cast<object?>().Select(Resolve).ToArray();
            return Resolve(inputData);
        }

        /// <summary>
        /// A scalar as it is; an object with a property that binds (PowerShell offers the whole piped object to a
        /// parameter that takes pipeline input by value before it tries its properties): that property's value;
        /// anything else is refused.
        /// </summary>
        private object? Resolve(object? item)
        {
            if (IsScalar(item)) return item;
            PSPropertyInfo? binding = item is IDictionary ? null
                : PSObject.AsPSObject(item!).Properties.FirstOrDefault(p => BindingNames.Any(n => string.Equals(n, p.Name, System.StringComparison.OrdinalIgnoreCase)));
            if (binding != null && IsScalar(binding.Value)) return binding.Value;
            // A list of ids under a binding name (an order's RefundIds): its items, none for an empty list.
            if (binding != null && binding.Value is IEnumerable ids && !(binding.Value is IDictionary) && ids.Cast<object?>().All(IsScalar))
                return ids.Cast<object?>().ToArray();
            object value = item is PSObject wrapped ? wrapped.BaseObject : item!;
            if (value is IEnumerable && !(value is IDictionary))
            {
                string nested = $"{ParameterName} takes ids as text or numbers, and one of them is itself a list: pass the ids as one flat list " +
                    "(Invoke-RestMethod writes a JSON array as one object: enumerate it with ForEach-Object, or index it).";
                throw new ArgumentTransformationMetadataException(nested, new InvalidValueException(nested, ParameterName));
            }
            string names = string.Join(", ", PropertyNames(item!));
            string binds = BindingNames.Length == 1 ? BindingNames[0]
                : string.Join(", ", BindingNames.Take(BindingNames.Length - 1)) + " or " + BindingNames[BindingNames.Length - 1];
            string what = value is IDictionary ? "a hashtable" : value is PSCustomObject ? "an object (a CSV row?)" : "a " + value.GetType().Name;
            string message = $"{ParameterName} takes an id as text or a number, not {what}. " +
                (names.Length > 0 ? $"It has the properties {names}; " : "It has no properties; ") +
                $"a property (CSV column) named {binds} binds, in any case. Rename the column (Select-Object @{{n='{BindingNames[0]}';e={{$_.<column>}}}}), " +
                $"or read a CSV without a header with Import-Csv -Header {BindingNames[0]}.";
            throw new ArgumentTransformationMetadataException(message, new InvalidValueException(message, ParameterName));
        }

        private static bool IsScalar(object? item)
        {
            object? value = item is PSObject wrapped ? wrapped.BaseObject : item;
            return value == null || value is string || value is char || value is BigInteger || value is decimal || (value.GetType().IsPrimitive && !(value is bool));
        }

        private static IEnumerable<string> PropertyNames(object item)
        {
            object value = item is PSObject wrapped ? wrapped.BaseObject : item;
            if (value is IDictionary dictionary)
                return dictionary.Keys.Cast<object>().Select(k => ShownValue.Shorten(LanguagePrimitives.ConvertTo<string>(k) ?? ""));
            return PSObject.AsPSObject(item).Properties.Where(p => p.MemberType == PSMemberTypes.NoteProperty || p.MemberType == PSMemberTypes.Property)
                .Select(p => ShownValue.Shorten(p.Name)).Take(20);
        }
    }
}
