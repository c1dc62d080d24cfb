using System;
using System.Text.Json;

namespace Pandapon.Client
{
    /// <summary>
    /// A successful answer: the envelope's fields, with <see cref="Data"/> cloned so it outlives the parse; or, when
    /// lent (PandaponClient's send that reads the answer in place, for pages), pointing into the parsed body, valid
    /// until Dispose. Dispose releases a lent answer's document and body; for a cloned one it does nothing.
    /// </summary>
    public sealed class ApiResponse : IDisposable
    {
        private IDisposable? _document;
        private IDisposable? _body;

        internal ApiResponse(string? requestId, int code, string? msg, string? developId, JsonElement data, JsonElement envelope, int httpStatus,
            IDisposable? document = null)
        {
            _document = document;
            RequestId = requestId;
            Code = code;
            Msg = msg;
            DevelopId = developId;
            Data = data;
            Envelope = envelope;
            HttpStatus = httpStatus;
        }

        public string? RequestId { get; }
        public int Code { get; }
        public string? Msg { get; }
        public string? DevelopId { get; }

        /// <summary>The envelope's <c>data</c>; <see cref="JsonValueKind.Undefined"/> when the envelope had none.</summary>
        public JsonElement Data { get; }

        /// <summary>The whole envelope, for callers that return it as it came (-Raw).</summary>
        public JsonElement Envelope { get; }

        public int HttpStatus { get; }

        /// <summary>How many attempts it took (1 when the first succeeded).</summary>
        public int Attempts { get; internal set; } = 1;

        /// <summary>The server's clock minus ours, from its <c>Date</c> header (to the second); null without one.</summary>
        public TimeSpan? ClockSkew { get; internal set; }

        /// <summary>Gives a lent answer the buffer its document reads from, to be released after the document.</summary>
        internal void KeepBody(IDisposable body) => _body = body;

        public void Dispose()
        {
            System.Threading.Interlocked.Exchange(ref _document, null)?.Dispose();
            System.Threading.Interlocked.Exchange(ref _body, null)?.Dispose();
        }
    }
}
