using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Commands;
using Pandapon.Values;
using Xunit;

namespace Pandapon.Tests;

public class PandaponClientTests
{
    private const string Secret = "s3cr3t-key-for-tests";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1715669977082);
    private static readonly ApiCredential Credential = new("58c0201dfdf148eca63cbf6bb5e7cf03", Secret, "2100007341207", new Uri("http://127.0.0.1:9/"));

    private readonly List<TimeSpan> _sleeps = new();

    private PandaponClient Client(FakeHandler handler, string endpoint = "http://127.0.0.1:9/")
        => new(new Uri(endpoint), handler, new RetryPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(120), () => 0.5),
            (delay, _) =>
            {
                _sleeps.Add(delay);
                return Task.CompletedTask;
            },
            () => Now);

    /// <summary>The default recipe computed here, independently of RequestSigner.</summary>
    private static string ExpectedSignature(string nonce, string timestamp)
        => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(Credential.AccessKey + timestamp + nonce + Secret)));

    [Fact]
    public async Task EveryRequestCarriesTheSignedSystemHeaders()
    {
        var handler = new FakeHandler(FakeHandler.Ok("""{"refundId":"TQ1"}"""));
        var response = await Client(handler).SendAsync(ApiRequest.Post("/alibaba/refund/info", new { refundId = "TQ1" }), Credential, CancellationToken.None);

        Assert.Equal("TQ1", response.Data.GetProperty("refundId").GetString());
        var seen = Assert.Single(handler.Seen);
        Assert.Equal("POST", seen.Method);
        Assert.Equal("http://127.0.0.1:9/alibaba/refund/info", seen.Url.ToString());
        Assert.Equal(Credential.AccessKey, seen.Headers["access-key"]);
        Assert.Equal("1715669977082", seen.Headers["timestamp"]);
        Assert.Matches("^[A-Za-z0-9]{32}$", seen.Headers["nonce-str"]);
        Assert.Equal("2100007341207", seen.Headers["user-id"]);
        Assert.Equal(ExpectedSignature(seen.Headers["nonce-str"], "1715669977082"), seen.Headers["signature"]);
        Assert.Equal("""{"refundId":"TQ1"}""", seen.Body);
        Assert.StartsWith("application/json", seen.Headers["Content-Type"]);
    }

    [Fact]
    public async Task TheUserAgentNamesTheModuleVersion()
    {
        string psd1 = File.ReadAllText(Path.Combine(ManifestTests.RepoRoot(), "Pandapon.psd1"));
        string version = Regex.Match(psd1, @"ModuleVersion\s*=\s*'([0-9.]+)'").Groups[1].Value;
        var handler = new FakeHandler(FakeHandler.Ok());
        await Client(handler).SendAsync(new ApiRequest("GET", "/x"), Credential, CancellationToken.None);
        Assert.Equal($"Pandapon-PowerShell/{version}", handler.Seen[0].Headers["User-Agent"]);
    }

    [Fact]
    public async Task TheEndpointsBasePathAndTheQueryAreKept()
    {
        var handler = new FakeHandler(FakeHandler.Ok());
        var request = ApiRequest.Get("/alibaba/order/pay/url", new KeyValuePair<string, string>("orderId", "2019601741959504495"), new KeyValuePair<string, string>("note", "a b&c"));
        await Client(handler, "http://127.0.0.1:9/api/").SendAsync(request, Credential, CancellationToken.None);
        Assert.Equal("http://127.0.0.1:9/api/alibaba/order/pay/url?orderId=2019601741959504495&note=a%20b%26c", handler.Seen[0].Url.AbsoluteUri);
        Assert.Null(handler.Seen[0].Body);
    }

    [Fact]
    public async Task AGetIsRetriedAfterServerErrors_EachAttemptSignedAfreshWithANewNonce()
    {
        var handler = new FakeHandler(FakeHandler.Error(503, 50001, "internal error"), FakeHandler.Json(502, "<html>bad gateway</html>"), FakeHandler.Ok());
        var log = new ListLog();
        var response = await Client(handler).SendAsync(new ApiRequest("GET", "/x"), Credential, CancellationToken.None, log);

        Assert.Equal(3, response.Attempts);
        Assert.Equal(3, handler.Seen.Count);
        var nonces = handler.Seen.Select(s => s.Headers["nonce-str"]).ToList();
        Assert.Equal(3, nonces.Distinct().Count());
        foreach (var seen in handler.Seen) Assert.Equal(ExpectedSignature(seen.Headers["nonce-str"], seen.Headers["timestamp"]), seen.Headers["signature"]);
        Assert.Equal(new[] { TimeSpan.FromMilliseconds(750), TimeSpan.FromMilliseconds(1500) }, _sleeps);
        Assert.Contains(log.Verbose, line => line.Contains("failed with HTTP 503, code 50001; retrying in 0.75 s (attempt 2 of 4)"));
        Assert.Contains(log.Verbose, line => line.Contains("(attempt 3 of 4)"));
    }

    [Fact]
    public async Task RetriesRunOut_TheLastFailureIsThrownWithTheAttempts()
    {
        var handler = new FakeHandler(FakeHandler.Error(500, 50001, "internal error"));
        var e = await Assert.ThrowsAsync<PandaponApiException>(() => Client(handler).SendAsync(new ApiRequest("GET", "/x") { MaxRetries = 2 }, Credential, CancellationToken.None));
        Assert.Equal(3, handler.Seen.Count);
        Assert.Equal(3, e.Attempts);
        Assert.Equal(50001, e.Code);
        Assert.Contains("Gave up after 3 attempts", e.Message);
    }

    [Fact]
    public async Task RetryAfterIsWaited()
    {
        var handler = new FakeHandler(FakeHandler.Json(429, """{"code":42901,"msg":"too many requests","requestId":"r"}""", retryAfterSeconds: 5), FakeHandler.Ok());
        await Client(handler).SendAsync(new ApiRequest("GET", "/x"), Credential, CancellationToken.None);
        Assert.Equal(new[] { TimeSpan.FromSeconds(5) }, _sleeps);
    }

    [Fact]
    public async Task APostIsNotRetried()
    {
        var handler = new FakeHandler(FakeHandler.Error(500, 50001, "internal error"), FakeHandler.Ok());
        var e = await Assert.ThrowsAsync<PandaponApiException>(() => Client(handler).SendAsync(ApiRequest.Post("/alibaba/refund/detail/create", new { orderId = 1 }), Credential, CancellationToken.None));
        Assert.Single(handler.Seen);
        Assert.Empty(_sleeps);
        Assert.Contains("not idempotent", e.Message);
    }

    [Fact]
    public async Task AnIdempotentPostIsRetried()
    {
        var handler = new FakeHandler(FakeHandler.Error(500, 50001, "internal error"), FakeHandler.Ok());
        await Client(handler).SendAsync(ApiRequest.Post("/alibaba/refund/info", new { refundId = "TQ1" }, idempotent: true), Credential, CancellationToken.None);
        Assert.Equal(2, handler.Seen.Count);
    }

    [Theory]
    [InlineData(401, 40101)]
    [InlineData(401, 40102)]
    [InlineData(403, 40103)]
    [InlineData(401, 40104)]
    [InlineData(401, 40105)]
    [InlineData(401, 40106)]
    [InlineData(400, 40001)]
    [InlineData(200, 40401)]
    public async Task RefusalsAreNeverRetried(int status, int code)
    {
        var handler = new FakeHandler(FakeHandler.Error(status, code, "refused"), FakeHandler.Ok());
        var e = await Assert.ThrowsAsync<PandaponApiException>(() => Client(handler).SendAsync(new ApiRequest("GET", "/x"), Credential, CancellationToken.None));
        Assert.Single(handler.Seen);
        Assert.Equal(code, e.Code);
        Assert.Equal("ffffffffffffffffffffffffffffffff", e.RequestId);
    }

    [Fact]
    public async Task ConnectionFailuresAreRetriedAndReportedAsNetwork()
    {
        var handler = new FakeHandler(FakeHandler.Throws(new HttpRequestException("Connection refused")));
        var e = await Assert.ThrowsAsync<PandaponApiException>(() => Client(handler).SendAsync(new ApiRequest("GET", "/x") { MaxRetries = 1 }, Credential, CancellationToken.None));
        Assert.Equal(ApiErrorKind.Network, e.Kind);
        Assert.Equal(2, handler.Seen.Count);
        Assert.Contains("Connection refused", e.Message);
        Assert.Contains("http://127.0.0.1:9", e.Message);
    }

    [Fact(Timeout = 60000)]
    public async Task AnAttemptThatTakesTooLongTimesOutAndIsRetried()
    {
        var handler = new FakeHandler(FakeHandler.Hang());
        var request = new ApiRequest("GET", "/x") { MaxRetries = 1, Timeout = TimeSpan.FromMilliseconds(50), FailureHints = ClientFailureHints.Instance };
        var e = await Assert.ThrowsAsync<PandaponApiException>(() => Client(handler).SendAsync(request, Credential, CancellationToken.None));
        Assert.Equal(ApiErrorKind.Timeout, e.Kind);
        Assert.Equal(2, handler.Seen.Count);
        Assert.Contains("-TimeoutSec", e.Message);
    }

    /// <summary>
    /// A body that sends its first bytes, then stalls, deaf to the token as .NET Framework's response stream is once a
    /// read has started: only closing it ends the read.
    /// </summary>
    private sealed class StalledBody : Stream
    {
        private readonly TaskCompletionSource<int> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _sentStart;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (_sentStart) return _closed.Task;
            _sentStart = true;
            buffer[offset] = (byte)'{';
            return Task.FromResult(1);
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            _closed.TrySetException(new ObjectDisposedException(nameof(StalledBody)));
            base.Dispose(disposing);
        }
    }

    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> StallingBody()
        => (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StalledBody()) });

    [Fact(Timeout = 60000)]
    public async Task ABodyThatStallsTimesOut()
    {
        var handler = new FakeHandler(StallingBody());
        var request = new ApiRequest("GET", "/x") { MaxRetries = 0, Timeout = TimeSpan.FromMilliseconds(50), FailureHints = ClientFailureHints.Instance };
        var e = await Assert.ThrowsAsync<PandaponApiException>(() => Client(handler).SendAsync(request, Credential, CancellationToken.None));
        Assert.Equal(ApiErrorKind.Timeout, e.Kind);
    }

    [Fact(Timeout = 60000)]
    public async Task CancellationEndsABodyThatStalls()
    {
        var handler = new FakeHandler(StallingBody());
        using var cts = new CancellationTokenSource();
        var sending = Client(handler).SendAsync(new ApiRequest("GET", "/x") { Timeout = Timeout.InfiniteTimeSpan }, Credential, cts.Token);
        while (handler.Seen.Count == 0) await Task.Delay(5);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
    }

    [Fact(Timeout = 60000)]
    public async Task CancellationEndsARequestInFlight()
    {
        var handler = new FakeHandler(FakeHandler.Hang());
        using var cts = new CancellationTokenSource();
        var sending = Client(handler).SendAsync(new ApiRequest("GET", "/x") { Timeout = Timeout.InfiniteTimeSpan }, Credential, cts.Token);
        while (handler.Seen.Count == 0) await Task.Delay(5);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Single(handler.Seen);
    }

    [Fact(Timeout = 60000)]
    public async Task CancellationEndsTheWaitBeforeARetry()
    {
        var handler = new FakeHandler(FakeHandler.Error(503, 50001, "internal error"));
        using var cts = new CancellationTokenSource();
        var client = new PandaponClient(new Uri("http://127.0.0.1:9/"), handler, RetryPolicy.Default, (delay, ct) => Task.Delay(Timeout.Infinite, ct));
        var sending = client.SendAsync(new ApiRequest("GET", "/x"), Credential, cts.Token);
        while (handler.Seen.Count == 0) await Task.Delay(5);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Single(handler.Seen);
    }

    [Fact]
    public async Task ARedirectIsNotFollowed()
    {
        var handler = new FakeHandler((_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Found);
            response.Headers.Location = new Uri("https://elsewhere.example/x");
            return Task.FromResult(response);
        });
        var e = await Assert.ThrowsAsync<PandaponApiException>(() => Client(handler).SendAsync(new ApiRequest("GET", "/x"), Credential, CancellationToken.None));
        Assert.Contains("https://elsewhere.example/x", e.Message);
        Assert.Single(handler.Seen);
    }

    [Fact]
    public async Task DebugShowsHeadersAndBodies_NeverTheSecretOrTheSignature()
    {
        var handler = new FakeHandler(FakeHandler.Ok("""{"refundId":"TQ1"}"""));
        var log = new ListLog();
        await Client(handler).SendAsync(ApiRequest.Post("/alibaba/refund/info", new { refundId = "TQ1" }), Credential, CancellationToken.None, log);
        string debug = string.Join("\n", log.Debug);
        string signature = handler.Seen[0].Headers["signature"];
        Assert.Contains("signature: ***", debug);
        var seen = handler.Seen[0].Headers;
        Assert.Contains("canonical string (MD5, Upper, timestamp in Milliseconds): " + Credential.AccessKey + seen["timestamp"] + seen["nonce-str"] + "***", debug);
        Assert.Contains("nonce-str: " + handler.Seen[0].Headers["nonce-str"], debug);
        Assert.Contains("""{"refundId":"TQ1"}""", debug);
        Assert.Contains("HTTP 200", debug);
        Assert.DoesNotContain(Secret, debug);
        Assert.DoesNotContain(signature, debug);
        Assert.DoesNotContain(Secret, string.Join("\n", log.Verbose));
    }

    [Fact]
    public async Task ACustomRecipeIsUsed()
    {
        var options = new SignatureOptions("{Method}{Path}{Body}{Timestamp}{Nonce}{SecretKey}", SignatureAlgorithm.HmacSha256, SignatureCase.Lower);
        var handler = new FakeHandler(FakeHandler.Ok());
        await Client(handler).SendAsync(ApiRequest.Post("/p", new { a = 1 }), Credential.With(signature: options), CancellationToken.None);
        var seen = handler.Seen[0];
        string canonical = "POST/p{\"a\":1}" + seen.Headers["timestamp"] + seen.Headers["nonce-str"] + Secret;
        string expected = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(canonical))).ToLowerInvariant();
        Assert.Equal(expected, seen.Headers["signature"]);
    }

    [Theory]
    [InlineData("http://api.pandapon.com")]
    [InlineData("http://10.0.0.1:8080")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("https://api.pandapon.com/?a=1")]
    [InlineData("api.pandapon.com")]
    public void BadEndpointsAreRefused(string endpoint)
    {
        var e = Assert.Throws<InvalidValueException>(() => PandaponEndpoint.Parse(endpoint, "-Endpoint"));
        Assert.StartsWith($"-Endpoint '{endpoint}' is not a valid PandaPon endpoint", e.Message);
        Assert.Throws<InvalidValueException>(() => PandaponClient.For(new Uri(endpoint, UriKind.RelativeOrAbsolute)));
    }

    [Theory]
    [InlineData("https://user:s3cr3tPw@api.pandapon.com", "https://***@api.pandapon.com")]
    [InlineData("https://user:s3cr%403tPw@api.pandapon.com/base", "https://***@api.pandapon.com/base")]
    [InlineData("http://user:s3cr3tPw@127.0.0.1:5000?a=b@c", "http://***@127.0.0.1:5000?a=b@c")]
    public void AnEndpointWithAPasswordIsRefusedWithoutRepeatingIt(string endpoint, string shown)
    {
        var e = Assert.Throws<InvalidValueException>(() => PandaponEndpoint.Parse(endpoint, "-Endpoint"));
        Assert.StartsWith($"-Endpoint '{shown}' is not a valid PandaPon endpoint: ", e.Message);
        Assert.DoesNotContain("3tPw", e.Message);
        Assert.Throws<InvalidValueException>(() => PandaponClient.For(new Uri(endpoint, UriKind.RelativeOrAbsolute)));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://127.1.2.3:5000/", "http://127.1.2.3:5000/")]
    [InlineData("http://[::1]:5000", "http://[::1]:5000/")]
    [InlineData("http://localhost:5000", "http://localhost:5000/")]
    [InlineData("https://www.xportcn.com/api", "https://www.xportcn.com/api/")]
    [InlineData("https://api.pandapon.com/", "https://api.pandapon.com/")]
    public void GoodEndpointsAreAccepted(string endpoint, string normalized)
        => Assert.Equal(normalized, PandaponEndpoint.Parse(endpoint, "-Endpoint").AbsoluteUri);

    /// <summary>A page of <paramref name="rows"/> orders of some 3 KB each, as the order list sends it.</summary>
    private static string PageData(int rows)
        => "{\"totalRecords\":" + rows + ",\"data\":[" + string.Join(",", Enumerable.Range(1, rows).Select(i => $"{{\"orderId\":\"{i}\",\"note\":\"{new string('x', 3000)}\"}}")) + "]}";

    [Fact]
    public async Task APageIsReadInPlace_AndItsBodyIsReleasedOnceRead()
    {
        var handler = new FakeHandler(FakeHandler.Ok(PageData(100)));
        ApiResponse? seen = null;
        var ids = await Client(handler).SendAsync(new ApiRequest("GET", "/page"), Credential, response =>
        {
            seen = response;
            return response.Data.GetProperty("data").EnumerateArray().Select(row => row.GetProperty("orderId").GetString()).ToList();
        }, CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 100).Select(i => i.ToString()), ids);
        Assert.Equal(200, seen!.Code);
        // Read in place: once read, the answer's document is gone (it was not copied to outlive the read).
        Assert.Throws<ObjectDisposedException>(() => seen.Data.GetRawText());
        Assert.Throws<ObjectDisposedException>(() => seen.Envelope.GetRawText());
    }

    [Fact]
    public async Task AnAnswerNotReadInPlaceOutlivesDispose()
    {
        var handler = new FakeHandler(FakeHandler.Ok(PageData(30)));
        ApiResponse response = await Client(handler).SendAsync(new ApiRequest("GET", "/page"), Credential, CancellationToken.None);
        response.Dispose();
        Assert.Equal(30, response.Data.GetProperty("data").GetArrayLength());
        Assert.Equal("30", response.Envelope.GetProperty("data").GetProperty("data")[29].GetProperty("orderId").GetString());
    }

    [Fact]
    public async Task AFailedPageReadInPlaceIsTheApiError()
    {
        var handler = new FakeHandler(FakeHandler.Error(200, 40001, "bad page"));
        var e = await Assert.ThrowsAsync<PandaponApiException>(() => Client(handler).SendAsync(new ApiRequest("GET", "/page"), Credential,
            response => response.Data.ValueKind, CancellationToken.None));
        Assert.Equal(40001, e.Code);
        Assert.Contains("bad page", e.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(10L)]
    [InlineData(1_000_000L)]
    [InlineData(0L)]
    [InlineData(long.MaxValue)]
    public async Task ABodyIsReadWholeWhateverItsLengthHint(long? hint)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(PageData(100));
        using var body = await PooledBody.ReadAsync(new MemoryStream(bytes), hint, CancellationToken.None);
        Assert.Equal(bytes, body.Bytes.ToArray());
    }

    [Fact]
    public void OneClientPerEndpointForTheProcess()
    {
        var a = PandaponClient.For(new Uri("http://127.0.0.1:7001"));
        var b = PandaponClient.For(new Uri("http://127.0.0.1:7001/"));
        var c = PandaponClient.For(new Uri("http://127.0.0.1:7002"));
        Assert.Same(a, b);
        Assert.NotSame(a, c);
    }

    [Theory]
    [InlineData("alibaba/refund/info", "must start with '/'")]
    [InlineData("https://api.pandapon.com/alibaba/refund/info", "full URL")]
    [InlineData("//evil.example/x", "must not start with '//'")]
    [InlineData("/a b", "spaces")]
    [InlineData("/a?b=1", "'?'")]
    public void BadPathsAreRefused(string path, string reason)
        => Assert.Contains(reason, Assert.Throws<ArgumentException>(() => new ApiRequest("GET", path)).Message);

    [Fact]
    public void APathMayCarryItsQuery()
    {
        var request = ApiRequest.FromPathAndQuery("GET", "/alibaba/order/pay/url?orderId=20196&note=a%20b+c");
        Assert.Equal("/alibaba/order/pay/url", request.Path);
        Assert.Equal(new[] { new KeyValuePair<string, string>("orderId", "20196"), new KeyValuePair<string, string>("note", "a b c") }, request.Query);
    }

    [Fact]
    public void HeaderValuesCannotCarryLineBreaks()
        => Assert.Throws<ArgumentException>(() => new ApiCredential("ak", "sk", "1\r\nX-Injected: yes"));

    [Fact]
    public void TheSecretIsNotAPublicPropertyAndNotInToString()
    {
        Assert.DoesNotContain(typeof(ApiCredential).GetProperties(), p => p.Name.Contains("Secret"));
        Assert.DoesNotContain(Secret, Credential.ToString());
        Assert.DoesNotContain(Credential.AccessKey, Credential.ToString());
    }
}

public class PandaponClientHandlerTests
{
    [Fact]
    public void OnDotNetTheHandlerRecyclesConnectionsAndFollowsNoRedirect()
    {
        using var handler = PandaponClient.CreateHandler(new Uri("https://api.pandapon.com/"));
        var sockets = Assert.IsType<SocketsHttpHandler>(handler);
        Assert.Equal(PandaponClient.PooledConnectionLifetime, sockets.PooledConnectionLifetime);
        Assert.False(sockets.AllowAutoRedirect);
        Assert.False(sockets.UseCookies);
    }
}
