using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Numerics;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// Lets a text parameter take only text or numbers (or, for a list parameter, an array of them). PowerShell would
    /// turn any object into text (a hashtable becomes "System.Collections.Hashtable", a CSV row "@{refund_id=TQ1}") and
    /// send that; here such an object is refused before anything is sent, naming the properties it has and the ones
    /// that would bind, so a CSV whose column has another name, or which has no header at all, says so.
    /// </summary>
    public class TextTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <param name="parameterName">The parameter, as messages name it ("-Voucher").</param>
        /// <param name="bindingNames">The property names that bind to it from the pipeline (its name and aliases); none
        /// for a parameter that takes no pipeline input.</param>
        public TextTransformationAttribute(string parameterName, params string[] bindingNames)
        {
            ParameterName = parameterName;
            BindingNames = bindingNames;
        }

        public string ParameterName { get; }

        public string[] BindingNames { get; }

        /// <summary>
        /// The parameter takes one value (a [string], not a [string[]]): a list is refused here, in our words, rather
        /// than by PowerShell's "Cannot convert 'System.Object[]'".
        /// </summary>
        public bool OneValue { get; set; }

        /// <summary>
        /// Said when a piped object's binding property is null (a Get-PandaponCredential entry of the session has no
        /// ProfileName): what such an object means for this parameter. PowerShell would only say "null or empty".
        /// </summary>
        public string? NullBindingHint { get; set; }

        /// <summary>What the parameter takes, as the refusal says it ("-X takes an id as text or a number").</summary>
        protected virtual string Noun => "a value";

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is IEnumerable sequence && !(value is string) && !(value is IDictionary))
            {
                object?[] items = sequence.Cast<object?>().Select(Resolve).ToArray();
                if (!OneValue) return items;
                if (items.Length == 1 && IsScalar(items[0])) return items[0];
                throw Refusal($"{ParameterName} takes one value, not a list of {items.Length}.");
            }
            object? resolved = Resolve(inputData);
            if (OneValue && !IsScalar(resolved))
                throw Refusal($"{ParameterName} takes one value, not a list of {((object?[])resolved!).Length} (the property that bound holds a list).");
            return resolved;
        }

        /// <summary>
        /// A scalar as it is; an object with a property that binds (PowerShell offers the whole piped object to a
        /// parameter that takes pipeline input by value before it tries its properties): that property's value;
        /// anything else is refused.
        /// </summary>
        private object? Resolve(object? item)
        {
            if (IsScalar(item)) return item;
            PSPropertyInfo? binding = item is IDictionary || (item is PSObject w && w.BaseObject is IDictionary) ? null
                : PSObject.AsPSObject(item!).Properties.FirstOrDefault(p => BindingNames.Any(n => string.Equals(n, p.Name, System.StringComparison.OrdinalIgnoreCase)));
            if (binding != null && binding.Value == null)
                throw Refusal($"{ParameterName}: the piped object's {binding.Name} is empty." + (NullBindingHint == null ? "" : " " + NullBindingHint));
            if (binding != null && IsScalar(binding.Value)) return binding.Value;
            // A list of ids under a binding name (an order's RefundIds): its items, none for an empty list.
            if (binding != null && binding.Value is IEnumerable ids && !(binding.Value is IDictionary) && ids.Cast<object?>().All(IsScalar))
                return ids.Cast<object?>().ToArray();
            object value = item is PSObject wrapped ? wrapped.BaseObject : item!;
            if (value is IEnumerable && !(value is IDictionary))
                throw Refusal($"{ParameterName} takes {Noun} as text or a number, and one of them is itself a list: pass the values as one flat list " +
                    "(Invoke-RestMethod writes a JSON array as one object: enumerate it with ForEach-Object, or index it).");
            List<string> names = PropertyNames(item!).ToList();
            string what = value is IDictionary ? "a hashtable" : value is PSCustomObject ? "an object (a CSV row?)" : "a " + value.GetType().Name;
            string message = $"{ParameterName} takes {Noun} as text or a number, not {what}. " +
                (names.Count > 0 ? $"It has the properties {string.Join(", ", names)}; " : "It has no properties; ");
            if (BindingNames.Length == 0)
                message += $"pass the one you mean ({ParameterName} $x.<property>).";
            else if (value is IDictionary && names.Any(n => BindingNames.Any(b => string.Equals(b, n, System.StringComparison.OrdinalIgnoreCase))))
                // PowerShell binds the properties of an object by name, never the keys of a hashtable.
                message += $"the keys of a hashtable do not bind to parameters as the properties of an object do: make it an object " +
                    $"([pscustomobject]@{{ {BindingNames[0]} = ... }}) or pass the value ({ParameterName} $table.{BindingNames[0]}).";
            else
                message += $"a property (CSV column) named {Binds()} binds, in any case. Rename the column (Select-Object @{{n='{BindingNames[0]}';e={{$_.<column>}}}}), " +
                    $"or read a CSV without a header with Import-Csv -Header {BindingNames[0]}.";
            throw Refusal(message);
        }

        private string Binds() => BindingNames.Length == 1 ? BindingNames[0]
            : string.Join(", ", BindingNames.Take(BindingNames.Length - 1)) + " or " + BindingNames[BindingNames.Length - 1];

        private ArgumentTransformationMetadataException Refusal(string message) =>
            new ArgumentTransformationMetadataException(message, new InvalidValueException(message, ParameterName));

        private static bool IsScalar(object? item)
        {
            object? value = item is PSObject wrapped ? wrapped.BaseObject : item;
            // An enum and a URI have one obvious text (a name, the URL); a Boolean is refused: "True" is never a value meant.
            return value == null || value is string || value is char || value is BigInteger || value is decimal || value is System.Enum || value is System.Uri
                || (value.GetType().IsPrimitive && !(value is bool));
        }

        private static IEnumerable<string> PropertyNames(object item)
        {
            object value = item is PSObject wrapped ? wrapped.BaseObject : item;
            if (value is IDictionary dictionary)
                return dictionary.Keys.Cast<object>().Select(k => ShownValue.Shorten(LanguagePrimitives.ConvertTo<string>(k) ?? "")).Take(20);
            return PSObject.AsPSObject(item).Properties.Where(p => p.MemberType == PSMemberTypes.NoteProperty || p.MemberType == PSMemberTypes.Property)
                .Select(p => ShownValue.Shorten(p.Name)).Take(20);
        }
    }
}
