using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Pandapon.Api;

namespace Pandapon.Client
{
    /// <summary>
    /// Reads the API envelope <c>{requestId, code, developId, msg, data}</c>. Success is HTTP 2xx with code 200 (only:
    /// not 0, docs/api.md, "The envelope") and,
    /// when <c>data</c> is an object carrying <c>success</c>, <c>success: true</c>. Everything else is thrown as a
    /// <see cref="PandaponApiException"/>.
    /// </summary>
    internal static class EnvelopeParser
    {
        public const int SuccessCode = 200;

        /// <summary>
        /// The <c>code</c> of the API page's schema example, where every number is 0: not a success (docs/api.md,
        /// "The envelope"), since taking it as one could turn a failure into silent success.
        /// </summary>
        private const int PlaceholderCode = 0;

        private const string PlaceholderNote = "Only code 200 means success; 0 is the placeholder of the API page's example, not a success code.";

        public static ApiResponse Parse(string operation, int httpStatus, string? reasonPhrase, byte[] body, TimeSpan? retryAfter = null,
            IReadOnlyDictionary<int, string>? upstreamHints = null)
            => Parse(operation, httpStatus, reasonPhrase, new ReadOnlyMemory<byte>(body), retryAfter, upstreamHints, lend: false);

        /// <summary>
        /// With <paramref name="lend"/> false, the answer's Data and Envelope are copies that outlive <paramref name="body"/>;
        /// with true, they point into the parsed <paramref name="body"/> (no copy of a large page), which must stay
        /// unchanged until the answer is disposed.
        /// </summary>
        public static ApiResponse Parse(string operation, int httpStatus, string? reasonPhrase, ReadOnlyMemory<byte> body, TimeSpan? retryAfter,
            IReadOnlyDictionary<int, string>? upstreamHints, bool lend)
        {
            bool httpOk = httpStatus >= 200 && httpStatus < 300;
            ReadOnlySpan<byte> start = body.Span;
            if (start.Length >= 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF) body = body.Slice(3);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body);
            }
            catch (JsonException e)
            {
                string text = Encoding.UTF8.GetString(body.ToArray());
                throw PandaponApiException.NotJson(operation, httpStatus, reasonPhrase, text, FirstSentence(e.Message), retryAfter);
            }

            bool lent = false;
            try
            {
                JsonElement root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    if (!httpOk) throw PandaponApiException.FromEnvelope(operation, httpStatus, null, null, null, retryAfter);
                    throw PandaponApiException.InvalidField(operation, "(the response body)", "an object", root, httpStatus: httpStatus);
                }

                // Strict on success, lenient on failure: a failure is reported with whatever could be read.
                string? requestId = ReadString(root, "requestId", operation, null, httpStatus, strict: httpOk);
                int? code = ReadCode(root, operation, requestId, httpStatus, strict: httpOk);
                string? msg = ReadString(root, "msg", operation, requestId, httpStatus, strict: httpOk);
                string? developId = ReadStringOrNumber(root, "developId", operation, requestId, httpStatus, strict: httpOk);

                if (!httpOk || code != SuccessCode)
                {
                    if (httpOk && code == null)
                        throw PandaponApiException.InvalidField(operation, "code", "an integer", Property(root, "code"), requestId, httpStatus);
                    var failure = PandaponApiException.FromEnvelope(operation, httpStatus, code, msg, requestId, retryAfter, upstreamHints);
                    if (httpOk && code == PlaceholderCode) failure.AddNote(PlaceholderNote);
                    throw failure;
                }

                CheckDataSuccess(Property(root, "data"), operation, requestId, httpStatus, upstreamHints);
                if (lend)
                {
                    lent = true;
                    return new ApiResponse(requestId, SuccessCode, msg, developId, Property(root, "data"), root, httpStatus, document);
                }
                JsonElement envelope = root.Clone();
                return new ApiResponse(requestId, SuccessCode, msg, developId, Property(envelope, "data"), envelope, httpStatus);
            }
            finally
            {
                if (!lent) document.Dispose();
            }
        }

        /// <summary>Wrapped 1688 calls answer code 200 and report a refusal inside data: <c>{success:false, errorCode, errorInfo}</c>.</summary>
        private static void CheckDataSuccess(JsonElement data, string operation, string? requestId, int httpStatus, IReadOnlyDictionary<int, string>? upstreamHints)
        {
            if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("success", out JsonElement success)) return;
            if (success.ValueKind == JsonValueKind.True || success.ValueKind == JsonValueKind.Null) return;
            if (success.ValueKind != JsonValueKind.False)
                throw PandaponApiException.InvalidField(operation, "data.success", "a boolean", success, requestId, httpStatus);
            string? errorCode = ReadStringOrNumber(data, "errorCode", operation, requestId, httpStatus, strict: true, prefix: "data.");
            string? errorInfo = ReadStringOrNumber(data, "errorInfo", operation, requestId, httpStatus, strict: true, prefix: "data.")
                ?? ReadStringOrNumber(data, "errorMsg", operation, requestId, httpStatus, strict: true, prefix: "data.");
            throw PandaponApiException.FromBusinessFailure(operation, httpStatus, errorCode, errorInfo, requestId, upstreamHints);
        }

        private static JsonElement Property(JsonElement obj, string name)
            => obj.TryGetProperty(name, out JsonElement value) ? value : default;

        private static int? ReadCode(JsonElement root, string operation, string? requestId, int httpStatus, bool strict)
        {
            JsonElement value = Property(root, "code");
            if (value.ValueKind == JsonValueKind.Undefined || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int code)) return code;
            if (!strict) return null;
            throw PandaponApiException.InvalidField(operation, "code", "an integer", value, requestId, httpStatus);
        }

        private static string? ReadString(JsonElement root, string name, string operation, string? requestId, int httpStatus, bool strict)
        {
            JsonElement value = Property(root, name);
            if (value.ValueKind == JsonValueKind.String) return value.GetString();
            if (value.ValueKind == JsonValueKind.Undefined || value.ValueKind == JsonValueKind.Null || !strict) return null;
            throw PandaponApiException.InvalidField(operation, name, "a string", value, requestId, httpStatus);
        }

        /// <summary>Ids that the documents show both as strings and as numbers (developId, errorCode): kept as text, exactly.</summary>
        private static string? ReadStringOrNumber(JsonElement obj, string name, string operation, string? requestId, int httpStatus, bool strict, string prefix = "")
        {
            JsonElement value = Property(obj, name);
            switch (value.ValueKind)
            {
                case JsonValueKind.String: return value.GetString();
                case JsonValueKind.Number: return value.GetRawText();
                case JsonValueKind.Undefined:
                case JsonValueKind.Null:
                    return null;
            }
            if (!strict) return null;
            throw PandaponApiException.InvalidField(operation, prefix + name, "a string or a number", value, requestId, httpStatus);
        }

        private static string FirstSentence(string message)
        {
            int end = message.IndexOf(". ", StringComparison.Ordinal);
            return (end > 0 ? message.Substring(0, end) : message).TrimEnd('.');
        }
    }
}
