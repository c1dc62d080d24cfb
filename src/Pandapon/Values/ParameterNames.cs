using System;
using System.Collections.Generic;

namespace Pandapon.Values
{
    /// <summary>
    /// The names under which an endpoint's input checks and hints report a value. The endpoint asks by the API's own
    /// field name ("orderId"); the caller (a cmdlet) says what the user typed it as (its parameter). Without a mapping a
    /// field is shown under its API name, which is what a user of Invoke-PandaponRequest's -Body wrote. So parameter
    /// names live only in the cmdlet layer and cannot go stale in the layers below it on a rename.
    /// </summary>
    public sealed class ParameterNames
    {
        private readonly Dictionary<string, string> _names;

        public ParameterNames(IDictionary<string, string>? names = null)
        {
            _names = new Dictionary<string, string>(names ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        }

        /// <summary>Each value shown under its API field name.</summary>
        public static readonly ParameterNames ApiFields = new ParameterNames();

        /// <summary>The name shown for <paramref name="field"/>.</summary>
        public string this[string field] => _names.TryGetValue(field, out string? name) ? name : field;

        /// <summary>A text the caller may give under <paramref name="key"/> (such as a hint naming another cmdlet); null when it gave none.</summary>
        public string? Optional(string key) => _names.TryGetValue(key, out string? text) ? text : null;
    }
}
