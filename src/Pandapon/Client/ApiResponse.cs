using System;
using System.Text.Json;

namespace Pandapon.Client
{
    /// <summary>A successful answer: the envelope's fields, with <see cref="Data"/> cloned so it outlives the parse.</summary>
    public sealed class ApiResponse
    {
        internal ApiResponse(string? requestId, int code, string? msg, string? developId, JsonElement data, JsonElement envelope, int httpStatus)
        {
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
    }
}
