using System.Net;
using System.Net.Http;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Credentials;
using Pandapon.Models;
using Pandapon.Values;
using Xunit;

namespace Pandapon.Tests;

/// <summary>Proxy settings: the address check, the client cache key, the handler, a 407, the profile store and PANDAPON_PROXY.</summary>
public sealed class ProxyTests : IDisposable
{
    private const string Password = "pr0xy-Pa55word";
    private static readonly Uri ProxyAddress = new("http://proxy.example.com:3128/");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pandapon-proxy-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [InlineData("http://proxy.example.com:3128", "http://proxy.example.com:3128/")]
    [InlineData("http://proxy.example.com:3128/", "http://proxy.example.com:3128/")]
    [InlineData(" HTTP://Proxy.Example.com ", "http://proxy.example.com/")]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
    [InlineData("https://proxy.example.com:443", "https://proxy.example.com/")]
    [InlineData("socks5://127.0.0.1:1080", "socks5://127.0.0.1:1080/")]
    public void GoodAddressesAreAcceptedAndNormalized(string text, string normalized)
        => Assert.Equal(normalized, ProxySettings.ParseAddress(text, "-Proxy").AbsoluteUri);

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("   ", "it is empty")]
    [InlineData("proxy.example.com:3128", "it has no scheme; write it as http://host:port")]
    [InlineData("/relative", "it has no scheme")]
    [InlineData("http://", "not an absolute URL")]
    [InlineData("ftp://proxy.example.com", "the scheme 'ftp' is not one a proxy is reached by: use http://, https:// or socks5://")]
    [InlineData("socks4://proxy.example.com", "the scheme 'socks4'")]
    [InlineData("http://proxy.example.com/path", "a host and port only")]
    [InlineData("http://proxy.example.com/?a=1", "a host and port only")]
    [InlineData("http://proxy.example.com/#x", "a host and port only")]
    public void BadAddressesAreRefusedNamingTheParameterAndTheValue(string text, string reason)
    {
        var e = Assert.Throws<InvalidValueException>(() => ProxySettings.ParseAddress(text, "-Proxy"));
        Assert.StartsWith($"-Proxy '{text}' is not a valid proxy address: ", e.Message);
        Assert.Contains(reason, e.Message);
        Assert.Equal("-Proxy", e.ParamName);
    }

    [Theory]
    [InlineData("http://alice:" + Password + "@proxy.example.com:3128", "http://***@proxy.example.com:3128")]
    [InlineData("http://alice@proxy.example.com:3128", "http://***@proxy.example.com:3128")]
    [InlineData("socks5://alice:" + Password + "@127.0.0.1:1080", "socks5://***@127.0.0.1:1080")]
    public void AnAddressWithCredentialsIsRefusedWithoutRepeatingThem(string text, string shown)
    {
        var e = Assert.Throws<InvalidValueException>(() => ProxySettings.ParseAddress(text, "PANDAPON_PROXY"));
        Assert.Equal($"PANDAPON_PROXY '{shown}' is not a valid proxy address: it must not contain a user name or password; give them with -ProxyCredential.", e.Message);
        Assert.DoesNotContain(Password, e.ToString());
        Assert.DoesNotContain("alice", e.Message);
    }

    [Theory]
    [InlineData("https://proxy.example.com")]
    [InlineData("socks5://proxy.example.com")]
    public void WindowsPowerShellReachesAProxyOverHttpOnly(string text)
    {
        Assert.False(ProxySettings.TryParseAddress(text, netFramework: true, out _, out string? reason));
        Assert.Contains("Windows PowerShell 5.1 (.NET Framework) reaches a proxy over http:// only", reason);
        Assert.True(ProxySettings.TryParseAddress("http://proxy.example.com", netFramework: true, out _, out _));
    }

    [Fact]
    public void SettingsAreEqualByValueAndShowNoPassword()
    {
        var a = ProxySettings.Through(ProxyAddress, "alice", Password);
        var b = ProxySettings.Through(new Uri("http://proxy.example.com:3128"), "alice", Password);
        var otherPassword = ProxySettings.Through(ProxyAddress, "alice", "another");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, otherPassword);
        Assert.NotEqual(a, ProxySettings.Through(ProxyAddress));
        Assert.NotEqual(ProxySettings.Through(ProxyAddress), ProxySettings.Through(ProxyAddress, useDefaultCredentials: true));
        Assert.NotEqual(ProxySettings.Direct, ProxySettings.Through(ProxyAddress));
        Assert.Equal("http://proxy.example.com:3128 (user alice)", a.ToString());
        Assert.Equal("no proxy", ProxySettings.Direct.ToString());
        Assert.DoesNotContain(Password, a.ToString());
    }

    [Fact]
    public void AUserNameNeedsAPasswordAndNotTheCurrentUsersCredentialsToo()
    {
        Assert.Throws<ArgumentException>(() => ProxySettings.Through(ProxyAddress, "alice"));
        Assert.Throws<ArgumentException>(() => ProxySettings.Through(ProxyAddress, null, Password));
        Assert.Throws<ArgumentException>(() => ProxySettings.Through(ProxyAddress, "alice", Password, useDefaultCredentials: true));
    }

    [Fact]
    public void ClientsAreCachedByEndpointAndProxy()
    {
        var endpoint = new Uri("http://127.0.0.1:7101");
        PandaponClient plain = PandaponClient.For(endpoint);
        Assert.Same(plain, PandaponClient.For(new Uri("http://127.0.0.1:7101/"), null));
        Assert.Null(plain.Proxy);

        PandaponClient throughA = PandaponClient.For(endpoint, ProxySettings.Through(ProxyAddress, "alice", Password));
        Assert.NotSame(plain, throughA);
        // Settings made again (a profile read anew) reuse the client, so its connections are reused too.
        Assert.Same(throughA, PandaponClient.For(endpoint, ProxySettings.Through(new Uri("http://proxy.example.com:3128"), "alice", Password)));
        Assert.NotSame(throughA, PandaponClient.For(endpoint, ProxySettings.Through(ProxyAddress, "alice", "another")));
        Assert.NotSame(throughA, PandaponClient.For(endpoint, ProxySettings.Through(ProxyAddress)));
        Assert.NotSame(throughA, PandaponClient.For(endpoint, ProxySettings.Through(new Uri("http://other.example.com:3128/"), "alice", Password)));
        Assert.NotSame(plain, PandaponClient.For(endpoint, ProxySettings.Direct));
        Assert.Same(PandaponClient.For(endpoint, ProxySettings.Direct), PandaponClient.For(endpoint, ProxySettings.Direct));
        Assert.NotSame(throughA, PandaponClient.For(new Uri("http://127.0.0.1:7102"), ProxySettings.Through(ProxyAddress, "alice", Password)));
    }

    [Fact]
    public void TheHandlerUsesTheNamedProxyForEveryHostWithItsCredentials()
    {
        using HttpMessageHandler handler = PandaponClient.CreateHandler(new Uri("http://127.0.0.1:7101/"), ProxySettings.Through(ProxyAddress, @"CORP\alice", Password));
        var proxy = (IWebProxy)handler.GetType().GetProperty("Proxy")!.GetValue(handler)!;
        Assert.True((bool)handler.GetType().GetProperty("UseProxy")!.GetValue(handler)!);
        // Loopback too: a proxy the user names is never passed by (.NET's WebProxy would bypass local addresses).
        Assert.False(proxy.IsBypassed(new Uri("http://127.0.0.1:7101/")));
        Assert.False(proxy.IsBypassed(new Uri("https://api.pandapon.com/")));
        Assert.Equal(ProxyAddress, proxy.GetProxy(new Uri("https://api.pandapon.com/")));
        NetworkCredential credential = proxy.Credentials!.GetCredential(ProxyAddress, "Basic")!;
        Assert.Equal(("alice", "CORP", Password), (credential.UserName, credential.Domain, credential.Password));

        using HttpMessageHandler direct = PandaponClient.CreateHandler(new Uri("http://127.0.0.1:7101/"), ProxySettings.Direct);
        Assert.False((bool)direct.GetType().GetProperty("UseProxy")!.GetValue(direct)!);

        using HttpMessageHandler byDefault = PandaponClient.CreateHandler(new Uri("http://127.0.0.1:7101/"));
        Assert.True((bool)byDefault.GetType().GetProperty("UseProxy")!.GetValue(byDefault)!);
        Assert.Null(byDefault.GetType().GetProperty("Proxy")!.GetValue(byDefault));   // HttpClient.DefaultProxy: the environment's
    }

    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> ProxyRefusal()
        => (_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.ProxyAuthenticationRequired) { Content = new StringContent("<html>sign in</html>") };
            response.Headers.ProxyAuthenticate.ParseAdd("Basic realm=\"corp\"");
            return Task.FromResult(response);
        };

    private static readonly ApiCredential Keys = new("58c0201dfdf148eca63cbf6bb5e7cf03", "s3cr3t-key", "2100007341207", new Uri("http://127.0.0.1:9/"));

    [Fact]
    public async Task A407IsAProxyAuthenticationFailureThatNamesTheProxyAndTheUserButNotThePassword()
    {
        var handler = new FakeHandler(ProxyRefusal());
        var client = new PandaponClient(new Uri("http://127.0.0.1:9/"), handler, sleep: (_, _) => Task.CompletedTask,
            proxy: ProxySettings.Through(ProxyAddress, "alice", Password));
        var e = await Assert.ThrowsAsync<PandaponApiException>(() => client.SendAsync(ApiRequest.Post("/alibaba/refund/info", new { refundId = "TQ1" }, idempotent: true), Keys, CancellationToken.None));

        Assert.Equal(ApiErrorKind.ProxyAuthentication, e.Kind);
        Assert.Equal("Pandapon.ProxyAuthentication", e.ErrorId);
        Assert.Equal(407, e.HttpStatus);
        Assert.Single(handler.Seen);   // not retried: the same credentials would be refused again
        Assert.False(e.MayHaveTakenEffect);
        Assert.Equal("POST /alibaba/refund/info failed: the proxy http://proxy.example.com:3128 refused it with HTTP 407 (Proxy Authentication Required), " +
            "so it did not reach the server; the proxy asks for Basic realm=\"corp\". It did not accept the user name 'alice' and its password.", e.Message);
        Assert.DoesNotContain(Password, e.ToString());
    }

    [Fact]
    public async Task A407WithoutCredentialsSaysNoneWereGiven()
    {
        var client = new PandaponClient(new Uri("http://127.0.0.1:9/"), new FakeHandler(ProxyRefusal()), sleep: (_, _) => Task.CompletedTask);
        var e = await Assert.ThrowsAsync<PandaponApiException>(() => client.SendAsync(ApiRequest.Get("/alibaba/order/pay/url"), Keys, CancellationToken.None));
        Assert.Equal(ApiErrorKind.ProxyAuthentication, e.Kind);
        Assert.Contains("the proxy of the environment or the system refused it with HTTP 407", e.Message);
        Assert.EndsWith("No proxy credentials were given.", e.Message);
    }

    [Fact]
    public async Task AnHttpsTunnelRefusedWith407IsAProxyAuthenticationFailureToo()
    {
        var tunnel = new HttpRequestException(HttpRequestError.ProxyTunnelError, "The proxy tunnel request to proxy 'http://proxy.example.com:3128/' failed with status code '407'.",
            null, HttpStatusCode.ProxyAuthenticationRequired);
        var client = new PandaponClient(new Uri("https://api.pandapon.com/"), new FakeHandler(FakeHandler.Throws(tunnel)), sleep: (_, _) => Task.CompletedTask,
            proxy: ProxySettings.Through(ProxyAddress));
        var e = await Assert.ThrowsAsync<PandaponApiException>(() => client.SendAsync(ApiRequest.Get("/alibaba/order/pay/url"), Keys, CancellationToken.None));
        Assert.Equal(ApiErrorKind.ProxyAuthentication, e.Kind);
        Assert.Same(tunnel, e.InnerException);
    }

    [Fact]
    public async Task AnUnreachableProxyIsNamedInTheNetworkError()
    {
        var refused = new HttpRequestException("Connection refused", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));
        var client = new PandaponClient(new Uri("http://127.0.0.1:9/"), new FakeHandler(FakeHandler.Throws(refused)), sleep: (_, _) => Task.CompletedTask,
            proxy: ProxySettings.Through(ProxyAddress, "alice", Password));
        var request = ApiRequest.Get("/alibaba/order/pay/url");
        request.MaxRetries = 0;
        var e = await Assert.ThrowsAsync<PandaponApiException>(() => client.SendAsync(request, Keys, CancellationToken.None));
        Assert.Equal(ApiErrorKind.Network, e.Kind);
        Assert.Contains("http://127.0.0.1:9 could not be reached through the proxy http://proxy.example.com:3128:", e.Message);
        Assert.DoesNotContain(Password, e.ToString());
    }

    [Fact]
    public async Task TheVerboseLineSaysWhichProxy()
    {
        var log = new ListLog();
        var client = new PandaponClient(new Uri("http://127.0.0.1:9/"), new FakeHandler(FakeHandler.Ok()), sleep: (_, _) => Task.CompletedTask,
            proxy: ProxySettings.Through(ProxyAddress, "alice", Password));
        await client.SendAsync(ApiRequest.Get("/alibaba/order/pay/url"), Keys, CancellationToken.None, log);
        Assert.Contains(log.Verbose, line => line.EndsWith("; through the proxy http://proxy.example.com:3128 (user alice)", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Verbose.Concat(log.Debug), line => line.Contains(Password));
    }

    private sealed class ListLog : IRequestLog
    {
        public List<string> Verbose { get; } = new();
        public List<string> Debug { get; } = new();
        public bool IsDebugEnabled => true;
        void IRequestLog.Verbose(string message) { lock (Verbose) Verbose.Add(message); }
        void IRequestLog.Debug(string message) { lock (Debug) Debug.Add(message); }
    }

    [Fact]
    public void AProfileKeepsItsProxyAndThePasswordIsStoredAsTheSecretKeyIs()
    {
        var store = new CredentialStore(_root);
        var keys = new ApiCredential("ak-prod", "secret-prod", "uid-prod", new Uri("http://127.0.0.1:5000/"));
        store.Save(new CredentialProfile("through", keys.WithProxy(ProxySettings.Through(ProxyAddress, "alice", Password))));
        store.Save(new CredentialProfile("current-user", keys.WithProxy(ProxySettings.Through(ProxyAddress, useDefaultCredentials: true))));
        store.Save(new CredentialProfile("direct", keys.WithProxy(ProxySettings.Direct)));
        store.Save(new CredentialProfile("plain", keys));

        Assert.Equal(ProxySettings.Through(ProxyAddress, "alice", Password), store.Find("through")!.Credential.Proxy);
        Assert.Equal(ProxySettings.Through(ProxyAddress, useDefaultCredentials: true), store.Find("current-user")!.Credential.Proxy);
        Assert.Same(ProxySettings.Direct, store.Find("direct")!.Credential.Proxy);
        Assert.Null(store.Find("plain")!.Credential.Proxy);

        string text = File.ReadAllText(store.FilePath);
        Assert.Contains("\"proxy\": \"http://proxy.example.com:3128\"", text);
        Assert.Contains("\"proxyUserName\": \"alice\"", text);
        Assert.Contains("\"noProxy\": true", text);
        // As the secret key: DPAPI on Windows, in the 0600 file elsewhere.
        if (Platform.IsWindows)
        {
            Assert.Contains("\"proxyPasswordDpapi\"", text);
            Assert.DoesNotContain(Password, text);
        }
        else Assert.Contains($"\"proxyPassword\": \"{Password}\"", text);
    }

    [Theory]
    [InlineData("""{"proxy":"http://alice:pw@proxy.example.com"}""", "'profiles.p.proxy' 'http://***@proxy.example.com' is not a valid proxy address: it must not contain a user name or password")]
    [InlineData("""{"proxy":"ftp://proxy.example.com"}""", "the scheme 'ftp'")]
    [InlineData("""{"proxyUserName":"alice","proxyPassword":"pw"}""", "'profiles.p' has proxy credentials but no 'proxy' address")]
    [InlineData("""{"proxy":"http://proxy.example.com","proxyUserName":"alice"}""", "A proxy user name needs a password")]
    [InlineData("""{"proxy":"http://proxy.example.com","noProxy":true}""", "has both a 'proxy' and 'noProxy'")]
    [InlineData("""{"noProxy":"yes"}""", "'profiles.p.noProxy' should be true or false")]
    public void ABadProxyInAProfileIsNamedAndTheFileKept(string proxyFields, string problem)
    {
        Directory.CreateDirectory(_root);
        string path = Path.Combine(_root, CredentialStore.FileName);
        string fields = proxyFields.Trim('{', '}');
        string json = "{\"version\":1,\"profiles\":{\"p\":{\"accessKey\":\"ak\",\"secretKey\":\"sk\",\"userId\":\"u\"," + fields + "}}}";
        File.WriteAllText(path, json);
        var e = Assert.Throws<CredentialStoreException>(() => new CredentialStore(_root).List());
        Assert.Contains(problem, e.Message);
        Assert.DoesNotContain(":pw@", e.Message);
        Assert.Equal(json, File.ReadAllText(path));
    }

    private CredentialResolver Resolver(Dictionary<string, string?> environment) => new(new CredentialStore(_root), name => environment.GetValueOrDefault(name));

    [Fact]
    public void PandaponProxyAppliesToCredentialsWithoutAProxy()
    {
        var environment = new Dictionary<string, string?> { ["PANDAPON_PROXY"] = "http://proxy.example.com:3128" };
        var keys = new ApiCredential("ak", "sk", "uid");
        ResolvedCredential fromParameters = Resolver(environment).Resolve(keys, null, null);
        Assert.Equal(ProxySettings.Through(ProxyAddress), fromParameters.Credential.Proxy);

        // A session's (a profile's) own proxy, and its -NoProxy, win over the environment.
        var own = ProxySettings.Through(new Uri("http://own.example.com:8080/"));
        Assert.Equal(own, Resolver(environment).Resolve(null, null, new ResolvedCredential(keys.WithProxy(own), CredentialSource.Session)).Credential.Proxy);
        Assert.Same(ProxySettings.Direct, Resolver(environment).Resolve(null, null, new ResolvedCredential(keys.WithProxy(ProxySettings.Direct), CredentialSource.Session)).Credential.Proxy);

        Assert.Null(Resolver(new Dictionary<string, string?>()).Resolve(keys, null, null).Credential.Proxy);
    }

    [Fact]
    public void ABadPandaponProxyIsAnEnvironmentErrorWithoutThePassword()
    {
        var environment = new Dictionary<string, string?> { ["PANDAPON_PROXY"] = $"http://alice:{Password}@proxy.example.com:3128" };
        var e = Assert.Throws<PandaponCredentialException>(() => Resolver(environment).Resolve(new ApiCredential("ak", "sk", "uid"), null, null));
        Assert.Equal(PandaponCredentialException.InvalidEnvironment, e.ErrorId);
        Assert.StartsWith("PANDAPON_PROXY 'http://***@proxy.example.com:3128' is not a valid proxy address", e.Message);
        Assert.DoesNotContain(Password, e.ToString());
    }
}
