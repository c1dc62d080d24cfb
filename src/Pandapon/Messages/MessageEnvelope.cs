using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Values;
using Pandapon.Models;

namespace Pandapon.Messages
{
    /// <summary>
    /// The outside of a callback message (docs/api-messages.md, "Envelope"): <c>messageType</c>,
    /// <c>messagePlatform</c>, <c>timestamp</c> and <c>messageBody</c>, the body as an object whether it came as an
    /// object or as a string holding one. What makes a body not a message at all is an
    /// <see cref="InvalidMessageException"/>; a timestamp that cannot be read only leaves <see cref="SentAt"/> empty.
    /// </summary>
    internal sealed class MessageEnvelope
    {
        /// <summary>How deep a body may nest; deeper is refused (a hostile body, not an order).</summary>
        public const int MaxDepth = 64;

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        private static readonly JsonDocumentOptions ParseOptions = new JsonDocumentOptions { MaxDepth = MaxDepth };

        private MessageEnvelope(string messageType, MessagePlatform platform, JsonElement body)
        {
            MessageType = messageType;
            Platform = platform;
            Body = body;
            RawBody = body.GetRawText();
            MessageId = IdOf(messageType, body);
        }

        public string MessageType { get; }

        public MessagePlatform Platform { get; }

        public DateTimeOffset? SentAt { get; private set; }

        /// <summary>The timestamp as sent when it could not be read (null when it was read or absent).</summary>
        public string? UnreadTimestamp { get; private set; }

        /// <summary>The body: always a JSON object (independent of any document, safe to keep).</summary>
        public JsonElement Body { get; }

        /// <summary>The body's JSON text as sent (for a string body, the text it holds).</summary>
        public string RawBody { get; }

        /// <summary>See <see cref="PandaponMessage.MessageId"/>.</summary>
        public string MessageId { get; }

        /// <summary>Reads an envelope from the bytes of an HTTP body: UTF-8 (a BOM is allowed), JSON, an envelope.</summary>
        public static MessageEnvelope Parse(byte[] utf8, int length)
        {
            string text;
            try
            {
                int start = length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0;
                text = StrictUtf8.GetString(utf8, start, length - start);
            }
            catch (DecoderFallbackException e)
            {
                throw new InvalidMessageException("the body is not valid UTF-8 text", Encoding.UTF8.GetString(utf8, 0, Math.Min(length, 400)), e);
            }
            return Parse(text);
        }

        /// <summary>Reads an envelope from JSON text.</summary>
        public static MessageEnvelope Parse(string json)
        {
            using (var document = ParseJson(json, "the body"))
                return FromElement(document.RootElement, json);
        }

        /// <summary>Reads an envelope from a JSON element (one item of an array of messages); <paramref name="preview"/> is shown in errors.</summary>
        public static MessageEnvelope FromElement(JsonElement root, string? preview = null)
        {
            preview = preview ?? (root.ValueKind == JsonValueKind.Undefined ? "" : root.GetRawText());
            if (root.ValueKind != JsonValueKind.Object)
                throw new InvalidMessageException("expected a JSON object with messageType, messagePlatform, timestamp and messageBody, not " + KindName(root), preview);

            JsonElement type = Find(root, "messageType"), platform = Find(root, "messagePlatform"), body = Find(root, "messageBody"), timestamp = Find(root, "timestamp");
            if (type.ValueKind != JsonValueKind.String || type.GetString()!.Trim().Length == 0)
                throw new InvalidMessageException("messageType is " + (type.ValueKind == JsonValueKind.Undefined ? "missing" : "not a text: " + LenientJson.Describe(type)), preview);

            var envelope = new MessageEnvelope(type.GetString()!.Trim(), ReadPlatform(platform, preview), ReadBody(body, preview));
            try
            {
                envelope.SentAt = LenientJson.ReadTime(timestamp);
            }
            catch (FormatException)
            {
                envelope.UnreadTimestamp = FieldReader.Shown(timestamp, MessageReader.ShownLength);
            }
            return envelope;
        }

        /// <summary>
        /// The id of a message: SHA-256 of the type, a line feed and the canonical body (<see cref="CanonicalJson"/>),
        /// as 64 lower-case hex digits. The push time is left out, so a re-push has the same id.
        /// </summary>
        public static string IdOf(string messageType, JsonElement body)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(messageType + "\n" + CanonicalJson.Write(body));
            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(bytes);
                var hex = new StringBuilder(hash.Length * 2);
                foreach (byte b in hash) hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                return hex.ToString();
            }
        }

        internal static JsonDocument ParseJson(string json, string what)
        {
            try
            {
                return JsonDocument.Parse(json, ParseOptions);
            }
            catch (JsonException e)
            {
                string reason = json.Trim().Length == 0 ? what + " is empty" : what + " is not JSON (" + FirstSentence(e.Message) + ")";
                throw new InvalidMessageException(reason, json, e);
            }
        }

        private static MessagePlatform ReadPlatform(JsonElement platform, string preview)
        {
            if (platform.ValueKind == JsonValueKind.Undefined)
                throw new InvalidMessageException("messagePlatform is missing (0 is Taobao, 1 is 1688)", preview);
            int? number;
            try
            {
                number = LenientJson.ReadInt32(platform);
            }
            catch (FormatException)
            {
                number = null;
            }
            if (number == 0) return MessagePlatform.Taobao;
            if (number == 1) return MessagePlatform.Alibaba1688;
            throw new InvalidMessageException("messagePlatform " + LenientJson.Describe(platform) + " is not 0 (Taobao) or 1 (1688)", preview);
        }

        private static JsonElement ReadBody(JsonElement body, string preview)
        {
            switch (body.ValueKind)
            {
                case JsonValueKind.Object:
                    return body.Clone();
                case JsonValueKind.String:
                    string text = body.GetString()!;
                    JsonDocument inner;
                    try
                    {
                        inner = JsonDocument.Parse(text, ParseOptions);
                    }
                    catch (JsonException e)
                    {
                        throw new InvalidMessageException("messageBody is a string but not JSON (" + FirstSentence(e.Message) + ")", preview, e);
                    }
                    using (inner)
                    {
                        if (inner.RootElement.ValueKind != JsonValueKind.Object)
                            throw new InvalidMessageException("messageBody is a string holding " + KindName(inner.RootElement) + ", not an object", preview);
                        return inner.RootElement.Clone();
                    }
                case JsonValueKind.Undefined:
                    throw new InvalidMessageException("messageBody is missing", preview);
                default:
                    throw new InvalidMessageException("messageBody is " + KindName(body) + ": expected an object or a string holding one", preview);
            }
        }

        /// <summary>A property by name: exact case first, then any case (a hand-made test body may say MessageType).</summary>
        private static JsonElement Find(JsonElement root, string name)
        {
            if (root.TryGetProperty(name, out var exact)) return exact;
            foreach (var property in root.EnumerateObject())
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return property.Value;
            return default;
        }

        private static string KindName(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Array: return "an array";
                case JsonValueKind.String: return "a string";
                case JsonValueKind.Number: return "a number (" + value.GetRawText() + ")";
                case JsonValueKind.True:
                case JsonValueKind.False: return "a boolean";
                case JsonValueKind.Null: return "null";
                case JsonValueKind.Object: return "an object";
                default: return "nothing";
            }
        }

        private static string FirstSentence(string message)
        {
            int end = message.IndexOf(". ", StringComparison.Ordinal);
            return end < 0 ? message.TrimEnd('.') : message.Substring(0, end);
        }
    }
}
