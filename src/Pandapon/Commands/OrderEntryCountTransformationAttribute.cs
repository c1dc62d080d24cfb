using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using Pandapon.Endpoints;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// Lets -OrderEntryCount (a hashtable of entry id to quantity) take what a pipeline brings: text from a CSV cell
    /// ("id=2;id=1", as Export-Csv writes a refund's OrderEntryCountMap, or JSON), any dictionary (an ordered
    /// hashtable, a refund's OrderEntryCountMap) or a PSCustomObject (ConvertFrom-Json). Keys become text (a
    /// 19-digit id typed as a number keeps its digits); blank text is no counts. The values are checked later,
    /// with the other parameters.
    /// </summary>
    public sealed class OrderEntryCountTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : inputData;
            var counts = new Hashtable(StringComparer.Ordinal);
            switch (value)
            {
                case null:
                    return null;
                case string text:
                    try
                    {
                        foreach (var pair in RefundCreateEndpoint.ParseEntryCounts(text, NewPandaponRefundCommand.Names)) counts[pair.Key] = pair.Value;
                    }
                    catch (InvalidValueException e)
                    {
                        throw new ArgumentTransformationMetadataException(e.Message, e);
                    }
                    return counts.Count == 0 ? null : counts;
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary) counts[Key(entry.Key)] = Unwrap(entry.Value);
                    return counts;
                case PSObject custom:
                    foreach (PSPropertyInfo property in custom.Properties) counts[property.Name] = Unwrap(property.Value);
                    return counts;
                default:
                    return value;
            }
        }

        private static string Key(object key) => Convert.ToString(Unwrap(key), CultureInfo.InvariantCulture) ?? "";

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
