using System;

namespace Pandapon.Models
{
    /// <summary>
    /// What every callback message has, whatever its type (docs/api-messages.md). The derived models add the body's
    /// fields; <see cref="Message"/> is the one for types the module does not know.
    /// </summary>
    public abstract class PandaponMessage : IHasUnreadFields
    {
        /// <summary>The envelope's <c>messageType</c> as sent, e.g. <c>ORDER_PAY_SUCCESS</c>.</summary>
        public string MessageType { get; set; } = "";

        public MessagePlatform Platform { get; set; }

        /// <summary>When PandaPon pushed it (the envelope's <c>timestamp</c>, epoch milliseconds), in China time.</summary>
        public DateTimeOffset? SentAt { get; set; }

        /// <summary>
        /// SHA-256 (64 lower-case hex) of the type and the body in a canonical form (keys sorted, no white space), so a
        /// re-pushed message has the same id whether its body came as an object or as a string holding JSON.
        /// </summary>
        public string MessageId { get; set; } = "";

        /// <summary>The body as JSON text (a string body: the JSON it holds).</summary>
        public string RawBody { get; set; } = "";

        public UnreadFields UnreadFields { get; } = new UnreadFields();

        string IHasUnreadFields.RecordLabel => GetType().Name + " " + MessageType + (LabelId is string id ? " " + id : "");

        /// <summary>The id that names the message in a warning: the refund or order it is about.</summary>
        protected abstract string? LabelId { get; }
    }
}
