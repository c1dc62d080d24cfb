using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace Pandapon.Models
{
    /// <summary>
    /// The fields of a record that the module could not read, by wire name (or path, such as
    /// <c>refundOperationList[1].gmtCreate</c>), each with the raw value as sent (shortened). A reader that meets a
    /// value it cannot read leaves that property empty, records it here and goes on, so one odd field never loses
    /// the record (docs/internals.md, "Reading data"). A dictionary, so <c>ConvertTo-Json</c> writes an object and
    /// <c>$r.UnreadFields.ContainsKey('gmtApply')</c> works; <see cref="ToString"/> keeps it one readable CSV cell.
    /// </summary>
    public sealed class UnreadFields : ReadOnlyDictionary<string, string>
    {
        private readonly IDictionary<string, string> _fields;

        public UnreadFields()
            : this(new Dictionary<string, string>())
        {
        }

        private UnreadFields(IDictionary<string, string> fields)
            : base(fields)
        {
            _fields = fields;
        }

        /// <summary>Records a field that could not be read; a field met twice keeps its first value.</summary>
        internal void Add(string field, string rawValue)
        {
            if (!_fields.ContainsKey(field)) _fields.Add(field, rawValue);
        }

        /// <summary><c>gmtApply "2024年05月14日 10:30", orderEntryCountMap "string"</c>: for messages and CSV.</summary>
        public override string ToString() => string.Join(", ", this.Select(pair => pair.Key + " \"" + pair.Value + "\""));

        /// <summary>
        /// The one warning a cmdlet writes for a record with unread fields, e.g. <c>Refund TQ1: 2 fields could not be
        /// read and are empty: gmtApply "…", orderEntryCountMap "string"</c>; null when every field was read.
        /// </summary>
        public string? Warning(string recordLabel)
        {
            if (Count == 0) return null;
            string fields = Count == 1 ? "1 field could not be read and is empty" : Count + " fields could not be read and are empty";
            return recordLabel + ": " + fields + ": " + this + ".";
        }
    }

    /// <summary>
    /// A model read tolerantly: its <see cref="UnreadFields"/> and how a warning names it. Internal, with
    /// <see cref="RecordLabel"/> implemented explicitly, so that the label never shows as a property in the pipeline,
    /// <c>Export-Csv</c> or <c>ConvertTo-Json</c>: PowerShell 7 adapts the explicit members of a public interface.
    /// </summary>
    internal interface IHasUnreadFields
    {
        UnreadFields UnreadFields { get; }

        /// <summary>The record as a warning names it: "Refund TQ21443713367004032".</summary>
        string RecordLabel { get; }
    }
}
