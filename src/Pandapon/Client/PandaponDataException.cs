using System;

namespace Pandapon.Api
{
    /// <summary>
    /// The API answered, but a value in its data cannot be read as what the field means (an amount that is not a
    /// whole number of fen, a time in no known format, ...). Thrown instead of guessing: never a silent zero.
    /// The message names what was being read (a refund, a Taobao reverse order) and its id, the field and the value as
    /// the server sent it.
    /// </summary>
    public sealed class PandaponDataException : Exception
    {
        /// <summary>The ErrorId of the ErrorRecord a cmdlet makes from this exception (category InvalidData).</summary>
        public const string DefaultErrorId = "Pandapon.InvalidData";

        /// <param name="recordName">What was being read, as a message names it in the middle of a sentence: "refund", "Taobao reverse order".</param>
        /// <param name="refundId">The id of the record, when known.</param>
        /// <param name="field">The field's path inside <c>data</c>.</param>
        /// <param name="value">The value as the server sent it.</param>
        /// <param name="reason">What was expected.</param>
        public PandaponDataException(string recordName, string? refundId, string field, string? value, string reason)
            : base(BuildMessage(recordName, refundId, field, value, reason))
        {
            RecordName = recordName;
            RefundId = refundId;
            Field = field;
            Value = value;
        }

        /// <summary>What was being read: "refund", "Taobao reverse order".</summary>
        public string RecordName { get; }

        /// <summary>The refund the value belongs to, when known.</summary>
        public string? RefundId { get; }

        /// <summary>The field's path inside <c>data</c>, e.g. <c>applyPayment</c> or <c>refundOperationList[1].gmtCreate</c>.</summary>
        public string Field { get; }

        /// <summary>The value as the server sent it (JSON text: strings keep their quotes), shortened when long.</summary>
        public string? Value { get; }

        public string ErrorId => DefaultErrorId;

        private static string BuildMessage(string recordName, string? refundId, string field, string? value, string reason)
        {
            string subject = string.IsNullOrEmpty(refundId)
                ? "A " + recordName + " without a refundId"
                : char.ToUpperInvariant(recordName[0]) + recordName.Substring(1) + " '" + refundId + "'";
            return subject + ": cannot read field '" + field + "' from " + (value ?? "(no value)") + ": " + reason + ".";
        }
    }
}
