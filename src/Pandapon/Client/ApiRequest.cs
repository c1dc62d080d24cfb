using System;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pandapon.Client
{
    /// <summary>One call to the API, as a cmdlet describes it. The client signs and sends it.</summary>
    public sealed class ApiRequest
    {
        public const int DefaultMaxRetries = 3;

        /// <summary>
        /// A write's attempt (never retried): as HttpClient, AWS Tools and Windows PowerShell's Invoke-RestMethod wait
        /// by default, so a slow server's answer is rarely lost to an outcome that must be checked by hand.
        /// </summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

        /// <summary>
        /// A read's attempt: a read answers in well under a second, and a timed-out read is retried, so a stalled
        /// connection costs 30 s and a new attempt rather than 100 s (docs/api.md, "Timeouts").
        /// </summary>
        public static readonly TimeSpan DefaultReadTimeout = TimeSpan.FromSeconds(30);

        private TimeSpan? _timeout;

        /// <summary>How request bodies are written: compact, and non-ASCII text left readable (the API is Chinese).</summary>
        internal static readonly JsonSerializerOptions BodyOptions = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        public ApiRequest(string method, string path)
        {
            string upper = (method ?? "").Trim().ToUpperInvariant();
            if (upper != "GET" && upper != "POST")
                throw new ArgumentException($"The method '{method}' is not supported: the PandaPon API takes GET and POST.", nameof(method));
            string? reason = CheckPath(path);
            if (reason != null) throw new ArgumentException($"The path '{path}' is not valid: {reason}.", nameof(path));
            Method = upper;
            Path = path;
            Idempotent = upper == "GET";
        }

        /// <summary>"GET" or "POST".</summary>
        public string Method { get; }

        /// <summary>The path below the endpoint, starting with "/", without a query.</summary>
        public string Path { get; }

        /// <summary>Query parameters, in the order they are sent.</summary>
        public IList<KeyValuePair<string, string>> Query { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>The JSON body, or null for none.</summary>
        public string? Body { get; set; }

        /// <summary>Whether the request may be sent again after a failure. True for GET by default, false for POST.</summary>
        public bool Idempotent { get; set; }

        /// <summary>
        /// What to do about the business codes only this endpoint returns (1688's, relayed by PandaPon), by code; the
        /// endpoint sets them (see Pandapon.Endpoints), and they become the error's RecommendedAction.
        /// </summary>
        public IReadOnlyDictionary<int, string>? UpstreamHints { get; set; }

        /// <summary>What to tell the user about the failures every endpoint shares (the caller's texts); null for no hints.</summary>
        public FailureHints? FailureHints { get; set; }

        /// <summary>Retries after the first attempt (used only when <see cref="Idempotent"/>).</summary>
        public int MaxRetries { get; set; } = DefaultMaxRetries;

        /// <summary>
        /// The time one attempt may take; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit. Unless set,
        /// <see cref="DefaultReadTimeout"/> for an idempotent request, <see cref="DefaultTimeout"/> for another.
        /// </summary>
        public TimeSpan Timeout
        {
            get => _timeout ?? (Idempotent ? DefaultReadTimeout : DefaultTimeout);
            set => _timeout = value;
        }

        /// <summary>A GET with query parameters.</summary>
        public static ApiRequest Get(string path, params KeyValuePair<string, string>[] query)
        {
            var request = new ApiRequest("GET", path);
            foreach (var pair in query) request.Query.Add(pair);
            return request;
        }

        /// <summary>A POST whose body is <paramref name="body"/> written as JSON (a dictionary or an anonymous object).</summary>
        public static ApiRequest Post(string path, object? body, bool idempotent = false)
            => new ApiRequest("POST", path) { Body = body == null ? null : JsonSerializer.Serialize(body, body.GetType(), BodyOptions), Idempotent = idempotent };

        /// <summary>A request from a path that may carry a query ("/alibaba/order/pay/url?orderId=1"); the query becomes <see cref="Query"/>.</summary>
        public static ApiRequest FromPathAndQuery(string method, string pathAndQuery)
        {
            int mark = pathAndQuery.IndexOf('?');
            if (mark < 0) return new ApiRequest(method, pathAndQuery);
            var request = new ApiRequest(method, pathAndQuery.Substring(0, mark));
            foreach (string part in pathAndQuery.Substring(mark + 1).Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = part.IndexOf('=');
                string name = equals < 0 ? part : part.Substring(0, equals);
                string value = equals < 0 ? "" : part.Substring(equals + 1);
                request.Query.Add(new KeyValuePair<string, string>(Unescape(name), Unescape(value)));
            }
            return request;
        }

        private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

        /// <summary>Why <paramref name="path"/> cannot be a request path, or null when it can.</summary>
        public static string? CheckPath(string? path)
        {
            if (string.IsNullOrEmpty(path)) return "it is empty";
            if (path!.IndexOf("://", StringComparison.Ordinal) >= 0)
                return "it is a full URL; give only the path (for example '/alibaba/refund/info'), the endpoint comes from the credentials or -Endpoint";
            if (path[0] != '/') return "it must start with '/'";
            if (path.StartsWith("//", StringComparison.Ordinal)) return "it must not start with '//'";
            foreach (char c in path)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c)) return "it must not contain spaces or control characters";
                if (c == '?' || c == '#') return "it must not contain '?' or '#'; give query parameters separately";
                if (c == '\\') return "it must not contain a backslash (some servers read it as '/')";
            }
            // The signature covers the path as given; a segment a server or .NET would resolve or decode into another
            // path would carry signed headers elsewhere, so such paths are refused rather than normalised.
            string[] segments = path == "/" ? new string[0] : path.Substring(1).Split('/');
            foreach (string segment in segments)
            {
                if (segment.Length == 0) return "it must not have an empty segment ('//' or a trailing '/')";
                if (segment == "." || segment == "..") return $"it must not have a '{segment}' segment";
                if (HasEncodedSeparatorOrDot(segment)) return "it must not contain a percent-encoded '.', '/' or '\\' (%2E, %2F, %5C in any case)";
            }
            return null;
        }

        private static bool HasEncodedSeparatorOrDot(string segment)
        {
            for (int i = segment.IndexOf('%'); i >= 0 && i + 2 < segment.Length; i = segment.IndexOf('%', i + 1))
            {
                string code = segment.Substring(i + 1, 2).ToUpperInvariant();
                if (code == "2E" || code == "2F" || code == "5C") return true;
            }
            return false;
        }

        public override string ToString() => Method + " " + Path;
    }
}
