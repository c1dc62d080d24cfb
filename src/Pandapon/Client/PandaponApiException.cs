using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Pandapon.Client;
using Pandapon.Values;

namespace Pandapon.Api
{
    /// <summary>What went wrong, coarse enough to act on: it picks the error id, the category and whether to retry.</summary>
    public enum ApiErrorKind
    {
        /// <summary>The keys, user id, signature or timestamp were refused (codes 401xx and 403xx, HTTP 401/403).</summary>
        Authentication,
        /// <summary>The thing asked for does not exist (codes 404xx, HTTP 404).</summary>
        NotFound,
        /// <summary>Too many requests (codes 429xx, HTTP 429).</summary>
        RateLimited,
        /// <summary>The server failed (codes 5xxxx, HTTP 5xx).</summary>
        Server,
        /// <summary>The server refused the request as malformed or sent with the wrong method (codes 400xx and 405xx, HTTP 400/405).</summary>
        InvalidRequest,
        /// <summary>The answer was not the envelope we expect: not JSON, cut off, or a field of the wrong type.</summary>
        InvalidResponse,
        /// <summary>No answer within the time allowed.</summary>
        Timeout,
        /// <summary>The server could not be reached, or the connection broke.</summary>
        Network,
        /// <summary>Any other refusal: upstream business rules (1688 and Taobao codes, <c>data.success=false</c>).</summary>
        Business,
        /// <summary>A proxy between here and the server asked for credentials it was not given, or refused them (HTTP 407).</summary>
        ProxyAuthentication,
    }

    /// <summary>
    /// A failed API call. <see cref="Exception.Message"/> names the request, and the server's code, msg and requestId
    /// whenever the server sent them; the same facts are properties for scripts.
    /// </summary>
    public sealed class PandaponApiException : Exception
    {
        private readonly string _message;
        private string? _note;

        private PandaponApiException(ApiErrorKind kind, string operation, string message, Exception? inner = null)
            : base(message, inner)
        {
            Kind = kind;
            Operation = operation;
            _message = message;
        }

        public ApiErrorKind Kind { get; }

        /// <summary>The request that failed, as "POST /alibaba/refund/info".</summary>
        public string Operation { get; }

        /// <summary>The envelope's <c>code</c> (or a numeric <c>data.errorCode</c>); null when the server sent none.</summary>
        public int? Code { get; private set; }

        /// <summary>The envelope's <c>msg</c> (or <c>data.errorInfo</c>).</summary>
        public string? ServerMessage { get; private set; }

        /// <summary>The envelope's <c>requestId</c>, to quote to PandaPon support.</summary>
        public string? RequestId { get; private set; }

        public int? HttpStatus { get; private set; }

        /// <summary>The server's Retry-After, when it sent one.</summary>
        public TimeSpan? RetryAfter { get; private set; }

        /// <summary>The response body was not JSON at all (cut off, empty, or a proxy's page), as opposed to JSON of the wrong shape.</summary>
        public bool BodyNotJson { get; private set; }

        /// <summary>How many attempts were made before giving up.</summary>
        public int Attempts { get; internal set; } = 1;

        /// <summary>The server's clock minus ours, from its <c>Date</c> header (to the second); null without one.</summary>
        public TimeSpan? ClockSkew { get; internal set; }

        /// <summary>For an <see cref="ApiErrorKind.Authentication"/> failure, which part was refused, as far as the answer says.</summary>
        public AuthenticationPart AuthenticationPart { get; private set; }

        /// <summary>What the user can do about it, when we know; also the last sentence of the message.</summary>
        public string? RecommendedAction { get; private set; }

        /// <summary>A stable id for the error record: "Pandapon." and the kind.</summary>
        public string ErrorId => "Pandapon." + Kind;

        /// <summary>
        /// Whether the request may have been carried out although it failed: true after a timeout, a connection that
        /// broke once the request could have been sent, an answer that could not be read, or a server error (the
        /// server may have acted before it failed). False when the server refused it (authentication, rate limit,
        /// invalid request, business rule, not found) or it never left (connection refused, name not resolved).
        /// A request that changes something and failed this way must be checked before it is sent again.
        /// </summary>
        public bool MayHaveTakenEffect
        {
            get
            {
                switch (Kind)
                {
                    case ApiErrorKind.Timeout:
                    case ApiErrorKind.Server:
                    case ApiErrorKind.InvalidResponse:
                        return true;
                    case ApiErrorKind.Network:
                        return !_neverSent;
                    default:
                        return false;
                }
            }
        }

        private bool _neverSent;

        /// <summary>What failed and what the server said, with the recommended action as its last sentence.</summary>
        public override string Message => RecommendedAction == null ? Summary : Summary + " " + RecommendedAction;

        /// <summary>The message without the recommended action: an error record shows the action once, on its own.</summary>
        public string Summary
        {
            get
            {
                var text = new StringBuilder(_message);
                if (Attempts > 1) text.Append(" Gave up after ").Append(Attempts.ToString(CultureInfo.InvariantCulture)).Append(" attempts.");
                if (_note != null) text.Append(' ').Append(_note);
                return text.ToString();
            }
        }

        /// <summary>The server answered with a redirect, which is not followed.</summary>
        public bool IsRedirect { get; private set; }

        /// <summary>Sets the hint from <paramref name="hints"/> when the failure has none of its own (an endpoint's code).</summary>
        internal void AddHint(FailureHints? hints)
        {
            if (RecommendedAction == null) RecommendedAction = hints?.For(this);
        }

        /// <summary>Adds a sentence to the message (for example why the request was not retried).</summary>
        internal void AddNote(string note) => _note = _note == null ? note : _note + " " + note;

        /// <summary>The envelope said <c>code</c> is not 200 (or the HTTP status said failure).</summary>
        internal static PandaponApiException FromEnvelope(string operation, int httpStatus, int? code, string? msg, string? requestId, TimeSpan? retryAfter,
            IReadOnlyDictionary<int, string>? upstreamHints = null)
        {
            var kind = AuthenticationRefusal.IsRefusal(code, httpStatus, msg, out AuthenticationPart part) ? ApiErrorKind.Authentication : KindFor(code, httpStatus);
            var text = new StringBuilder(operation).Append(" failed: ");
            AppendServerFacts(text, code, msg, requestId, httpStatus);
            return new PandaponApiException(kind, operation, text.ToString())
            {
                Code = code,
                ServerMessage = msg,
                RequestId = requestId,
                HttpStatus = httpStatus,
                RetryAfter = retryAfter,
                RecommendedAction = UpstreamHint(upstreamHints, code),
                AuthenticationPart = part,
            };
        }

        /// <summary>The envelope said 200 but <c>data.success</c> is false, with <c>errorCode</c> and <c>errorInfo</c>.</summary>
        internal static PandaponApiException FromBusinessFailure(string operation, int httpStatus, string? errorCode, string? errorInfo, string? requestId,
            IReadOnlyDictionary<int, string>? upstreamHints = null)
        {
            var text = new StringBuilder(operation).Append(" was refused: errorCode '").Append(errorCode ?? "")
                .Append("', errorInfo '").Append(errorInfo ?? "").Append('\'');
            if (requestId != null) text.Append(", requestId ").Append(requestId);
            text.Append(" (code 200, data.success false).");
            bool numeric = int.TryParse(errorCode, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed);
            return new PandaponApiException(ApiErrorKind.Business, operation, text.ToString())
            {
                Code = numeric ? parsed : (int?)null,
                ServerMessage = numeric || string.IsNullOrEmpty(errorCode) ? errorInfo : errorCode + ": " + errorInfo,
                RequestId = requestId,
                HttpStatus = httpStatus,
                RecommendedAction = numeric ? UpstreamHint(upstreamHints, parsed) : null,
            };
        }

        /// <summary>The body is not JSON (an HTML error page from a proxy, or JSON cut off).</summary>
        internal static PandaponApiException NotJson(string operation, int httpStatus, string? reasonPhrase, string body, string parseError, TimeSpan? retryAfter)
        {
            var kind = httpStatus >= 200 && httpStatus < 300 ? ApiErrorKind.InvalidResponse : KindFor(null, httpStatus);
            string status = ("HTTP " + httpStatus.ToString(CultureInfo.InvariantCulture) + " " + (reasonPhrase ?? "")).TrimEnd();
            string what = body.Length == 0 ? "an empty body" : $"a body that is not valid JSON ({parseError}): '{Excerpt(body)}'";
            return new PandaponApiException(kind, operation, $"{operation} failed: the server answered {status} with {what}.")
            {
                HttpStatus = httpStatus,
                RetryAfter = retryAfter,
                BodyNotJson = true,
            };
        }

        /// <summary>The JSON is well formed but <paramref name="field"/> does not have the type we read it as.</summary>
        public static PandaponApiException InvalidField(string operation, string field, string expected, JsonElement actual, string? requestId = null, int? httpStatus = null)
        {
            var text = new StringBuilder(operation).Append(" returned a response whose field '").Append(field).Append("' should be ")
                .Append(expected).Append(" but is ").Append(Describe(actual)).Append('.');
            if (requestId != null) text.Append(" requestId ").Append(requestId).Append('.');
            return new PandaponApiException(ApiErrorKind.InvalidResponse, operation, text.ToString())
            {
                RequestId = requestId,
                HttpStatus = httpStatus,
            };
        }

        internal static PandaponApiException InvalidEnvelope(string operation, int httpStatus, string problem)
            => new PandaponApiException(ApiErrorKind.InvalidResponse, operation, $"{operation} failed: HTTP {httpStatus.ToString(CultureInfo.InvariantCulture)}, and {problem}.")
            {
                HttpStatus = httpStatus,
            };

        internal static PandaponApiException Redirected(string operation, int httpStatus, Uri? location)
            => new PandaponApiException(ApiErrorKind.InvalidResponse, operation,
                $"{operation} failed: the server answered HTTP {httpStatus.ToString(CultureInfo.InvariantCulture)}, a redirect to '{location}', which is not followed.")
            {
                HttpStatus = httpStatus,
                IsRedirect = true,
            };

        internal static PandaponApiException TimedOut(string operation, TimeSpan timeout)
            => new PandaponApiException(ApiErrorKind.Timeout, operation,
                $"{operation} timed out: no answer within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s.")
            {
            };

        internal static PandaponApiException Unreachable(string operation, Uri endpoint, Exception inner, ProxySettings? proxy = null)
        {
            var reasons = new StringBuilder();
            for (Exception? e = inner; e != null; e = e.InnerException)
            {
                string cause = e.Message.Trim().TrimEnd('.');
                if (cause.Length == 0 || reasons.ToString().IndexOf(cause, StringComparison.Ordinal) >= 0) continue;
                // One sentence per cause: .NET's messages are chained, each its own sentence.
                if (reasons.Length > 0) reasons.Append(' ');
                reasons.Append(cause).Append('.');
            }
            bool neverSent = NeverSent(inner);
            string what = neverSent ? "could not be reached" : "could not be reached or the connection broke";
            string through = proxy?.Address != null ? " through the proxy " + proxy.Address.GetLeftPart(UriPartial.Authority) : "";
            return new PandaponApiException(ApiErrorKind.Network, operation,
                $"{operation} failed: {PandaponEndpoint.Display(endpoint)} {what}{through}: {reasons}", inner)
            {
                _neverSent = neverSent,
            };
        }

        /// <summary>
        /// A proxy answered HTTP 407 (to the request, or to the CONNECT of an https:// tunnel), or a SOCKS5 proxy refused
        /// the user name and password or asked for a sign-in none was given for (<paramref name="socks"/>): the request never reached
        /// the server. Says which proxy (<paramref name="proxy"/>; null: the environment's or the system's) and whether
        /// credentials were offered, naming the user but never the password.
        /// </summary>
        internal static PandaponApiException ProxyRefused(string operation, ProxySettings? proxy, string? challenge, Exception? inner = null, bool socks = false)
        {
            string which = proxy?.Address != null ? "the proxy " + proxy.Address.GetLeftPart(UriPartial.Authority) : "the proxy of the environment or the system";
            var text = new StringBuilder(operation).Append(" failed: ").Append(which)
                .Append(socks ? " refused it at SOCKS5 authentication" : " refused it with HTTP 407 (Proxy Authentication Required)").Append(", so it did not reach the server");
            if (!string.IsNullOrEmpty(challenge)) text.Append("; the proxy asks for ").Append(challenge);
            if (proxy?.UserName != null) text.Append(". It did not accept the user name '").Append(proxy.UserName).Append("' and its password.");
            else if (proxy?.UseDefaultCredentials == true) text.Append(". It did not accept the current user's credentials.");
            else text.Append(". No proxy credentials were given.");
            return new PandaponApiException(ApiErrorKind.ProxyAuthentication, operation, text.ToString(), inner)
            {
                HttpStatus = socks ? (int?)null : 407,
                _neverSent = true,
            };
        }

        /// <summary>Failures that happen before a request can leave: the connection was refused or the name did not resolve.</summary>
        private static bool NeverSent(Exception failure)
        {
            for (Exception? e = failure; e != null; e = e.InnerException)
            {
                if (!(e is System.Net.Sockets.SocketException socket)) continue;
                switch (socket.SocketErrorCode)
                {
                    case System.Net.Sockets.SocketError.ConnectionRefused:
                    case System.Net.Sockets.SocketError.HostNotFound:
                    case System.Net.Sockets.SocketError.TryAgain:
                    case System.Net.Sockets.SocketError.NoData:
                    case System.Net.Sockets.SocketError.HostUnreachable:
                    case System.Net.Sockets.SocketError.NetworkUnreachable:
                    case System.Net.Sockets.SocketError.AddressNotAvailable:
                        return true;
                }
            }
            return false;
        }

        /// <summary>The kind a code and an HTTP status mean; the server's code wins over the HTTP status.</summary>
        internal static ApiErrorKind KindFor(int? code, int httpStatus)
        {
            if (code is int c)
            {
                switch (c / 100)
                {
                    case 401: case 403: return ApiErrorKind.Authentication;
                    case 404: return ApiErrorKind.NotFound;
                    case 429: return ApiErrorKind.RateLimited;
                    case 400: case 405: return ApiErrorKind.InvalidRequest;
                }
                if (c / 100 >= 500 && c / 100 <= 599) return ApiErrorKind.Server;
            }
            if (httpStatus == 401 || httpStatus == 403) return ApiErrorKind.Authentication;
            if (httpStatus == 404) return ApiErrorKind.NotFound;
            if (httpStatus == 429) return ApiErrorKind.RateLimited;
            if (httpStatus >= 500) return ApiErrorKind.Server;
            if (httpStatus == 400 || httpStatus == 405) return ApiErrorKind.InvalidRequest;
            return code == null && httpStatus >= 200 && httpStatus < 300 ? ApiErrorKind.InvalidResponse : ApiErrorKind.Business;
        }

        /// <summary>The endpoint's own hint for <paramref name="code"/> (<see cref="ApiRequest.UpstreamHints"/>), or null.</summary>
        private static string? UpstreamHint(IReadOnlyDictionary<int, string>? hints, int? code)
            => code is int c && hints != null && hints.TryGetValue(c, out string? hint) ? hint : null;

        private static void AppendServerFacts(StringBuilder text, int? code, string? msg, string? requestId, int httpStatus)
        {
            bool any = false;
            if (code != null)
            {
                text.Append("code ").Append(code.Value.ToString(CultureInfo.InvariantCulture));
                any = true;
            }
            if (msg != null)
            {
                text.Append(any ? ", " : "").Append("msg '").Append(msg).Append('\'');
                any = true;
            }
            if (requestId != null)
            {
                text.Append(any ? ", " : "").Append("requestId ").Append(requestId);
                any = true;
            }
            text.Append(any ? " (HTTP " : "HTTP ").Append(httpStatus.ToString(CultureInfo.InvariantCulture)).Append(any ? ")." : ".");
        }

        /// <summary>The first 200 characters of a body, on one line, runs of white space (an HTML page's indentation) as one space.</summary>
        internal static string Excerpt(string body)
            => ShownValue.Shorten(string.Join(" ", body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), 200);

        private static string Describe(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Undefined: return "missing";
                case JsonValueKind.Null: return "null";
                case JsonValueKind.Object: return "an object";
                case JsonValueKind.Array: return "an array";
                case JsonValueKind.String:
                    string s = value.GetString() ?? "";
                    return "the string \"" + ShownValue.Shorten(s) + "\"";
                case JsonValueKind.Number: return "the number " + value.GetRawText();
                default: return "the boolean " + value.GetRawText();
            }
        }
    }
}
