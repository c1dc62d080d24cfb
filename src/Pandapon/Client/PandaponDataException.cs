using System;

namespace Pandapon.Api
{
    /// <summary>
    /// The API answered, but a value in its data cannot be read as what the field means (an amount that is not a
    /// whole number of fen, a time in no known format, ...). Thrown instead of guessing: never a silent zero.
    /// The message names the refund, the field and the value as the server sent it.
    /// </summary>
    public sealed class PandaponDataException : Exception
    {
        /// <summary>The ErrorId of the ErrorRecord a cmdlet makes from this exception (category InvalidData).</summary>
        public const string DefaultErrorId = "Pandapon.InvalidData";

        public PandaponDataException(string? refundId, string field, string? value, string reason)
            : base(BuildMessage(refundId, field, value, reason))
        {
            RefundId = refundId;
            Field = field;
            Value = value;
        }

        /// <summary>The refund the value belongs to, when known.</summary>
        public string? RefundId { get; }

        /// <summary>The field's path inside <c>data</c>, e.g. <c>applyPayment</c> or <c>refundOperationList[1].gmtCreate</c>.</summary>
        public string Field { get; }

        /// <summary>The value as the server sent it (JSON text: strings keep their quotes), shortened when long.</summary>
        public string? Value { get; }

        public string ErrorId => DefaultErrorId;

        private static string BuildMessage(string? refundId, string field, string? value, string reason)
        {
            string subject = string.IsNullOrEmpty(refundId) ? "A refund without a refundId" : "Refund '" + refundId + "'";
            return subject + ": cannot read field '" + field + "' from " + (value ?? "(no value)") + ": " + reason + ".";
        }
    }
}
