using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Pandapon.Api;

namespace Pandapon.Client
{
    /// <summary>
    /// Signs and sends requests to one endpoint. There is one per endpoint for the life of the process (see
    /// <see cref="For"/>), each with one <see cref="HttpClient"/>, so connections are reused across cmdlet calls.
    /// Every attempt is signed afresh (new nonce, new timestamp); retries follow <see cref="RetryPolicy"/>.
    /// </summary>
    public sealed class PandaponClient
    {
        /// <summary>Requests in flight that .NET Framework allows per host; .NET has no such limit.</summary>
        public const int ConnectionLimit = 16;

        private const int DebugBodyLimit = 64 * 1024;
        // Keyed by the endpoint and the proxy settings (compared as values, the password too, but never written into a
        // key text): two calls with different proxies never share a client, and equal settings share one, so the
        // common case (no proxy parameter) keeps reusing its connections.
        private static readonly ConcurrentDictionary<(string Endpoint, ProxySettings? Proxy), Lazy<PandaponClient>> Clients =
            new ConcurrentDictionary<(string Endpoint, ProxySettings? Proxy), Lazy<PandaponClient>>();

        private readonly HttpClient _http;
        private readonly RetryPolicy _retryPolicy;
        private readonly Func<TimeSpan, CancellationToken, Task> _sleep;
        private readonly Func<DateTimeOffset> _clock;
        private readonly RateLimiterRegistry? _rateLimits;

        /// <summary>
        /// Creates a client over any handler; tests pass a fake handler, a fixed retry policy and a sleep that does not sleep.
        /// Without <paramref name="rateLimits"/> nothing is rate limited (<see cref="For"/> passes the process's registry).
        /// </summary>
        internal PandaponClient(Uri endpoint, HttpMessageHandler handler, RetryPolicy? retryPolicy = null,
            Func<TimeSpan, CancellationToken, Task>? sleep = null, Func<DateTimeOffset>? clock = null, RateLimiterRegistry? rateLimits = null,
            ProxySettings? proxy = null)
        {
            _rateLimits = rateLimits;
            Endpoint = endpoint;
            Proxy = proxy;
            _http = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Pandapon-PowerShell", ModuleVersion));
            _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            _retryPolicy = retryPolicy ?? RetryPolicy.Default;
            _sleep = sleep ?? Task.Delay;
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        /// <summary>The base URL requests go to, ending in "/".</summary>
        public Uri Endpoint { get; }

        /// <summary>The proxy requests go through, or <see cref="ProxySettings.Direct"/>; null: .NET's default proxy (the environment's or the system's).</summary>
        public ProxySettings? Proxy { get; }

        /// <summary>The module version as the User-Agent shows it: "Pandapon-PowerShell/0.1.0".</summary>
        public static string ModuleVersion { get; } = typeof(PandaponClient).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

        /// <summary>
        /// The process-wide client for <paramref name="endpoint"/> through <paramref name="proxy"/> (null: .NET's default
        /// proxy), created on first use; one per distinct pair.
        /// </summary>
        public static PandaponClient For(Uri endpoint, ProxySettings? proxy = null)
        {
            Uri checkedEndpoint = PandaponEndpoint.Parse(endpoint.OriginalString, "The endpoint");
            return Clients.GetOrAdd((checkedEndpoint.AbsoluteUri, proxy),
                key => new Lazy<PandaponClient>(() => new PandaponClient(checkedEndpoint, CreateHandler(checkedEndpoint, proxy), rateLimits: RateLimiterRegistry.Shared,
                    proxy: proxy))).Value;
        }

        /// <summary>How long a pooled connection is reused on .NET, so that a long-lived session follows DNS changes.</summary>
        internal static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

        internal static HttpMessageHandler CreateHandler(Uri endpoint, ProxySettings? proxy = null)
        {
            HttpMessageHandler? sockets = CreateSocketsHandler(proxy);
            if (sockets != null) return sockets;
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,   // a redirect of a signed POST is never what the user meant; say so instead
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };
            if (proxy != null)
            {
                handler.UseProxy = !proxy.IsDirect;
                if (!proxy.IsDirect) handler.Proxy = new FixedProxy(proxy);
            }
            if (Platform.IsNetFramework)
            {
                // .NET Framework allows 2 connections per host by default, waits 350 ms for "100-continue" on every
                // POST, and Windows PowerShell may not offer TLS 1.2. The first two are set for this endpoint only; the
                // protocols are process-wide in .NET Framework, so TLS 1.2 is added there and nothing is removed.
                ServicePoint servicePoint = ServicePointManager.FindServicePoint(endpoint);
                servicePoint.ConnectionLimit = Math.Max(servicePoint.ConnectionLimit, ConnectionLimit);
                servicePoint.Expect100Continue = false;
                servicePoint.UseNagleAlgorithm = false;
                ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
            }
            return handler;
        }

        /// <summary>
        /// On .NET (PowerShell 7) a SocketsHttpHandler with a pooled-connection lifetime: the client lives as long as the
        /// process, and without a lifetime its connections would never see a DNS change. netstandard2.0 cannot name the
        /// type, so it is made by reflection; null on .NET Framework.
        /// </summary>
        private static HttpMessageHandler? CreateSocketsHandler(ProxySettings? proxy)
        {
            Type? type = Type.GetType("System.Net.Http.SocketsHttpHandler, System.Net.Http", throwOnError: false);
            if (type == null || !typeof(HttpMessageHandler).IsAssignableFrom(type)) return null;
            var settings = new List<(string Name, object Value)>
            {
                ("AllowAutoRedirect", false),   // a redirect of a signed POST is never what the user meant; say so instead
                ("UseCookies", false),
                ("AutomaticDecompression", DecompressionMethods.GZip | DecompressionMethods.Deflate),
                ("PooledConnectionLifetime", PooledConnectionLifetime),
            };
            // Without settings the handler keeps its defaults: UseProxy, and Proxy null, which is HttpClient.DefaultProxy.
            if (proxy != null) settings.Add(("UseProxy", !proxy.IsDirect));
            if (proxy != null && !proxy.IsDirect) settings.Add(("Proxy", new FixedProxy(proxy)));
            var handler = (HttpMessageHandler)Activator.CreateInstance(type)!;
            foreach (var (name, value) in settings)
            {
                System.Reflection.PropertyInfo? property = type.GetProperty(name);
                if (property == null || !property.CanWrite || !property.PropertyType.IsInstanceOfType(value))
                {
                    handler.Dispose();
                    return null;
                }
                property.SetValue(handler, value);
            }
            return handler;
        }

        /// <summary>
        /// Sends <paramref name="request"/> signed with <paramref name="credential"/>, retrying as the request and the
        /// policy allow. Returns the successful envelope; throws <see cref="PandaponApiException"/> for every failure,
        /// and <see cref="OperationCanceledException"/> at once when <paramref name="cancellationToken"/> is cancelled.
        /// </summary>
        public Task<ApiResponse> SendAsync(ApiRequest request, ApiCredential credential, CancellationToken cancellationToken, IRequestLog? log = null)
            => SendAsync(request, credential, cancellationToken, log, lend: false);

        /// <summary>
        /// As <see cref="SendAsync(ApiRequest, ApiCredential, CancellationToken, IRequestLog)"/>, and returns what
        /// <paramref name="read"/> makes of the answer, read in place: the parsed body is not copied (a page of 100 is some
        /// 300 KB) and its buffers go back to the pool once read. The answer is valid only inside <paramref name="read"/>.
        /// </summary>
        public async Task<T> SendAsync<T>(ApiRequest request, ApiCredential credential, Func<ApiResponse, T> read, CancellationToken cancellationToken,
            IRequestLog? log = null)
        {
            if (read == null) throw new ArgumentNullException(nameof(read));
            using (ApiResponse response = await SendAsync(request, credential, cancellationToken, log, lend: true).ConfigureAwait(false))
                return read(response);
        }

        private async Task<ApiResponse> SendAsync(ApiRequest request, ApiCredential credential, CancellationToken cancellationToken, IRequestLog? log, bool lend)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (credential == null) throw new ArgumentNullException(nameof(credential));
            var record = new RequestRecord { Time = _clock(), Method = request.Method, Path = request.Path };
            var clock = Stopwatch.StartNew();
            try
            {
                ApiResponse response = await SendWithRetriesAsync(request, credential, cancellationToken, log, lend).ConfigureAwait(false);
                record.Outcome = "Succeeded";
                record.HttpStatus = response.HttpStatus;
                record.Code = response.Code;
                record.RequestId = response.RequestId;
                record.Attempts = response.Attempts;
                return response;
            }
            catch (PandaponApiException e)
            {
                record.Outcome = e.Kind.ToString();
                record.HttpStatus = e.HttpStatus;
                record.Code = e.Code;
                record.RequestId = e.RequestId;
                record.Attempts = e.Attempts;
                throw;
            }
            catch (OperationCanceledException)
            {
                record.Outcome = "Cancelled";
                throw;
            }
            finally
            {
                record.Duration = clock.Elapsed;
                if (record.Outcome.Length > 0) RequestHistory.Add(record);
            }
        }

        private async Task<ApiResponse> SendWithRetriesAsync(ApiRequest request, ApiCredential credential, CancellationToken cancellationToken, IRequestLog? log, bool lend)
        {
            int maxAttempts = request.Idempotent ? Math.Max(0, request.MaxRetries) + 1 : 1;
            RateLimiter? limiter = _rateLimits?.For(credential);
            for (int attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                TimeSpan sentAt = limiter == null ? TimeSpan.Zero
                    : await _rateLimits!.WaitAsync(limiter, request.ToString(), log, _sleep, cancellationToken).ConfigureAwait(false);
                PandaponApiException failure;
                try
                {
                    ApiResponse response = await SendOnceAsync(request, credential, attempt, maxAttempts, cancellationToken, log, lend).ConfigureAwait(false);
                    response.Attempts = attempt;
                    limiter?.OnAccepted();
                    return response;
                }
                catch (PandaponApiException e)
                {
                    failure = e;
                }
                if (failure.Kind == ApiErrorKind.RateLimited) limiter?.OnThrottled(sentAt, failure.RetryAfter);
                else if (failure.HttpStatus != null) limiter?.OnAccepted();

                failure.Attempts = attempt;
                failure.AddHint(request.FailureHints);
                RetryDecision decision = _retryPolicy.Decide(request, failure, attempt);
                if (!decision.Retry)
                {
                    if (decision.NoteIfNotRetried != null) failure.AddNote(decision.NoteIfNotRetried);
                    if (RetryPolicy.IsTransient(failure))
                    {
                        string why = attempt > 1 ? $"giving up after {attempt} attempts" : request.Idempotent ? "not retried" : "not retried: the request is not idempotent";
                        log?.Verbose($"{request.Method} {request.Path} failed with {decision.Reason}; {why}.");
                    }
                    throw failure;
                }
                log?.Verbose($"{request.Method} {request.Path} failed with {decision.Reason}; retrying in {RetryPolicy.Seconds(decision.Delay)} s (attempt {attempt + 1} of {maxAttempts}).");
                await _sleep(decision.Delay, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<ApiResponse> SendOnceAsync(ApiRequest request, ApiCredential credential, int attempt, int maxAttempts,
            CancellationToken cancellationToken, IRequestLog? log, bool lend)
        {
            string operation = request.ToString();
            var signing = new SigningInput
            {
                AccessKey = credential.AccessKey,
                SecretKey = credential.SecretKey,
                UserId = credential.UserId,
                Timestamp = RequestSigner.Timestamp(_clock(), credential.Signature.TimestampUnit),
                Nonce = RequestSigner.NewNonce(),
                Method = request.Method,
                Path = request.Path,
                Body = request.Body ?? "",
            };
            string signature = RequestSigner.Sign(credential.Signature, signing);
            Uri url = BuildUrl(request);

            using (var message = new HttpRequestMessage(request.Method == "GET" ? HttpMethod.Get : HttpMethod.Post, url))
            {
                message.Headers.TryAddWithoutValidation("access-key", signing.AccessKey);
                message.Headers.TryAddWithoutValidation("timestamp", signing.Timestamp);
                message.Headers.TryAddWithoutValidation("nonce-str", signing.Nonce);
                message.Headers.TryAddWithoutValidation("user-id", signing.UserId);
                message.Headers.TryAddWithoutValidation("signature", signature);
                if (request.Body != null) message.Content = new StringContent(request.Body, new UTF8Encoding(false), "application/json");

                string limit = request.Timeout == System.Threading.Timeout.InfiniteTimeSpan ? "no time limit"
                    : "timeout " + request.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
                string route = Proxy == null ? "" : Proxy.IsDirect ? "; no proxy" : "; through the proxy " + Proxy;
                log?.Verbose($"{request.Method} {url} (attempt {attempt} of {maxAttempts}); {limit}{route}");
                if (log != null && log.IsDebugEnabled) log.Debug(DescribeRequest(message, credential, signing, signature));

                var clock = Stopwatch.StartNew();
                using (var timeout = new CancellationTokenSource())
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
                {
                    if (request.Timeout != System.Threading.Timeout.InfiniteTimeSpan) timeout.CancelAfter(request.Timeout);
                    HttpResponseMessage response;
                    PooledBody body;
                    try
                    {
                        // The body is read here into a pooled buffer (PooledBody says why), not buffered by HttpClient,
                        // which would put a fresh array of the body's size on the large object heap for every page.
                        response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                        try
                        {
                            // .NET Framework's response stream ignores the token once a read has started: closing it ends a stalled read.
                            using (linked.Token.Register(() => response.Dispose()))
                            using (Stream stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                                body = await PooledBody.ReadAsync(stream, response.Content.Headers.ContentLength, linked.Token).ConfigureAwait(false);
                        }
                        catch
                        {
                            response.Dispose();
                            throw;
                        }
                    }
                    catch (Exception) when (cancellationToken.IsCancellationRequested)
                    {
                        throw new OperationCanceledException("The request was cancelled.", cancellationToken);
                    }
                    catch (Exception e) when (e is OperationCanceledException || timeout.IsCancellationRequested)
                    {
                        throw PandaponApiException.TimedOut(operation, request.Timeout);
                    }
                    catch (HttpRequestException e) when (IsProxyRefusal(e))
                    {
                        throw PandaponApiException.ProxyRefused(operation, Proxy, challenge: null, e);
                    }
                    catch (HttpRequestException e) when (IsSocksRefusal(e))
                    {
                        throw PandaponApiException.ProxyRefused(operation, Proxy, challenge: null, e, socks: true);
                    }
                    catch (HttpRequestException e)
                    {
                        throw PandaponApiException.Unreachable(operation, Endpoint, e, Proxy);
                    }
                    catch (IOException e)
                    {
                        throw PandaponApiException.Unreachable(operation, Endpoint, e, Proxy);
                    }

                    bool bodyLent = false;
                    using (response)
                    try
                    {
                        int status = (int)response.StatusCode;
                        if (log != null && log.IsDebugEnabled) log.Debug(DescribeResponse(response, body.Bytes, clock.Elapsed, credential, signature));
                        if (status >= 300 && status < 400) throw PandaponApiException.Redirected(operation, status, response.Headers.Location);
                        if (status == (int)HttpStatusCode.ProxyAuthenticationRequired)
                            throw PandaponApiException.ProxyRefused(operation, Proxy, string.Join(", ", response.Headers.ProxyAuthenticate));
                        // How far the server's clock is from ours (its Date header, to the second): for Test-PandaponCredential.
                        TimeSpan? clockSkew = response.Headers.Date is DateTimeOffset serverDate
                            ? TimeSpan.FromSeconds(Math.Round((serverDate - _clock()).TotalSeconds)) : (TimeSpan?)null;
                        ApiResponse parsed;
                        try
                        {
                            parsed = EnvelopeParser.Parse(operation, status, response.ReasonPhrase, body.Bytes, RetryAfter(response), request.UpstreamHints, lend);
                        }
                        catch (PandaponApiException e)
                        {
                            e.ClockSkew = clockSkew;
                            throw;
                        }
                        if (lend)
                        {
                            parsed.KeepBody(body);
                            bodyLent = true;
                        }
                        parsed.ClockSkew = clockSkew;
                        log?.Verbose($"{request.Method} {request.Path} answered HTTP {status}, code {parsed.Code}, requestId {parsed.RequestId} in {clock.ElapsedMilliseconds} ms.");
                        return parsed;
                    }
                    finally
                    {
                        if (!bodyLent) body.Dispose();
                    }
                }
            }
        }

        /// <summary>
        /// An https:// request through a proxy that refused the CONNECT with 407: .NET reports it as an exception whose
        /// StatusCode (.NET 5+, read by name: netstandard2.0 has no such property) is 407.
        /// </summary>
        private static bool IsProxyRefusal(HttpRequestException e)
            => e.GetType().GetProperty("StatusCode")?.GetValue(e) is HttpStatusCode status && status == HttpStatusCode.ProxyAuthenticationRequired;

        /// <summary>
        /// A SOCKS5 proxy that refused the user name and password, or wants a sign-in method we did not offer (none
        /// given): .NET's internal SocksException, whose messages say "authenticate" / "authentication method".
        /// </summary>
        private static bool IsSocksRefusal(Exception e)
        {
            for (Exception? cause = e; cause != null; cause = cause.InnerException)
                if (cause.GetType().Name == "SocksException" && cause.Message.IndexOf("authenticat", StringComparison.OrdinalIgnoreCase) >= 0) return true;
            return false;
        }

        /// <summary>
        /// A proxy the user named is used for every request, a loopback endpoint included (WebProxy would let .NET pass
        /// local addresses by), with the credentials of <see cref="ProxySettings"/>.
        /// </summary>
        private sealed class FixedProxy : IWebProxy
        {
            private readonly Uri _address;

            public FixedProxy(ProxySettings settings)
            {
                _address = settings.Address!;
                Credentials = settings.NetworkCredentials();
            }

            public ICredentials? Credentials { get; set; }

            public Uri GetProxy(Uri destination) => _address;

            public bool IsBypassed(Uri host) => false;
        }

        private Uri BuildUrl(ApiRequest request)
        {
            var url = new StringBuilder(Endpoint.AbsoluteUri.TrimEnd('/')).Append(request.Path);
            char separator = '?';
            foreach (KeyValuePair<string, string> pair in request.Query)
            {
                url.Append(separator).Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value ?? ""));
                separator = '&';
            }
            var uri = new Uri(url.ToString());
            // Signed as request.Path: if Uri rewrote the path (it resolves dot segments and may decode), refuse to send it elsewhere.
            string expected = Endpoint.AbsolutePath.TrimEnd('/') + request.Path;
            if (!string.Equals(uri.AbsolutePath, expected, StringComparison.Ordinal))
                throw new ArgumentException($"The path '{request.Path}' is not valid: it would be sent as '{uri.AbsolutePath}', not as it was signed; write the path as it should be sent.", "path");
            return uri;
        }

        private TimeSpan? RetryAfter(HttpResponseMessage response)
        {
            RetryConditionHeaderValue? header = response.Headers.RetryAfter;
            if (header?.Delta is TimeSpan delta) return delta;
            if (header?.Date is DateTimeOffset date) return date > _clock() ? date - _clock() : TimeSpan.Zero;
            return null;
        }

        private static string DescribeRequest(HttpRequestMessage message, ApiCredential credential, SigningInput signing, string signature)
        {
            var text = new StringBuilder();
            text.Append(message.Method).Append(' ').Append(message.RequestUri).AppendLine();
            foreach (var header in message.Headers)
                text.Append(header.Key).Append(": ").AppendLine(header.Key == "signature" ? RequestSigner.RedactedSecret : string.Join(", ", header.Value));
            if (message.Content != null)
                foreach (var header in message.Content.Headers) text.Append(header.Key).Append(": ").AppendLine(string.Join(", ", header.Value));
            SignatureOptions recipe = credential.Signature;
            text.Append("canonical string (").Append(RequestSigner.DisplayName(recipe.Algorithm)).Append(", ").Append(recipe.Case)
                .Append(", timestamp in ").Append(recipe.TimestampUnit).Append("): ").AppendLine(RequestSigner.BuildCanonical(credential.Signature, signing, redactSecret: true));
            if (message.Content != null) AppendBody(text, new ArraySegment<byte>(Encoding.UTF8.GetBytes(signing.Body)));
            return Redact(text.ToString(), credential, signature);
        }

        private static string DescribeResponse(HttpResponseMessage response, ArraySegment<byte> body, TimeSpan elapsed, ApiCredential credential, string signature)
        {
            var text = new StringBuilder();
            text.Append("HTTP ").Append(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)).Append(' ').Append(response.ReasonPhrase)
                .Append(" in ").Append(((long)elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)).AppendLine(" ms");
            foreach (var header in response.Headers.Concat(response.Content.Headers))
                text.Append(header.Key).Append(": ").AppendLine(string.Join(", ", header.Value));
            AppendBody(text, body);
            return Redact(text.ToString(), credential, signature);
        }

        private static void AppendBody(StringBuilder text, ArraySegment<byte> body)
        {
            if (body.Count == 0) return;
            int shown = Math.Min(body.Count, DebugBodyLimit);
            text.AppendLine().Append(Encoding.UTF8.GetString(body.Array!, body.Offset, shown));
            if (shown < body.Count) text.AppendLine().Append("… (").Append((body.Count - shown).ToString(CultureInfo.InvariantCulture)).Append(" more bytes)");
        }

        /// <summary>Belt and braces: whatever a header or a server echoed, the secret and the signature never reach Debug.</summary>
        private static string Redact(string text, ApiCredential credential, string signature)
        {
            if (credential.SecretKey.Length >= 4) text = text.Replace(credential.SecretKey, RequestSigner.RedactedSecret);
            return text.Replace(signature, RequestSigner.RedactedSecret);
        }
    }
}
