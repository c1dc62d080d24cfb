using System.Net.Http;
using System.Net.Sockets;
using Pandapon.Api;
using Pandapon.Client;
using Xunit;

namespace Pandapon.Tests;

/// <summary>Cases of the adversarial run (issue 15) that the client layer answers.</summary>
public class HardeningTests
{
    // 15.1: a path whose meaning .NET or the server would change after signing is refused before signing.
    [Theory]
    [InlineData("/x/y/../../alibaba/refund/info", "'..'")]
    [InlineData("/alibaba/./refund/info", "'.'")]
    [InlineData("/alibaba/%2e%2e/sandbox/refunds/TQ1/agree", "percent-encoded")]
    [InlineData("/alibaba/%2E%2e/x", "percent-encoded")]
    [InlineData("/alibaba/.%2E/x", "percent-encoded")]
    [InlineData("/alibaba/%2fsandbox", "percent-encoded")]
    [InlineData("/alibaba/%5Csandbox", "percent-encoded")]
    [InlineData("/alibaba\\..\\sandbox", "backslash")]
    [InlineData("/alibaba//refund/info", "empty segment")]
    [InlineData("/alibaba/refund/info/", "empty segment")]
    [InlineData("/..", "'..'")]
    public void PathsThatTraverseOrHideSegmentsAreRefused(string path, string reason)
    {
        var e = Assert.Throws<ArgumentException>(() => new ApiRequest("POST", path));
        Assert.Contains(reason, e.Message);
        Assert.Contains(path, e.Message);
    }

    [Theory]
    [InlineData("/alibaba/refund/info")]
    [InlineData("/open/order/refund/cancel/110000000001")]
    [InlineData("/a/..b/c.d/%E4%B8%AD")]
    public async Task TheCheckedPathIsExactlyThePathSent(string path)
    {
        var handler = new FakeHandler(FakeHandler.Ok());
        var client = new PandaponClient(new Uri("http://127.0.0.1:9/base/"), handler, null, (_, _) => Task.CompletedTask, () => DateTimeOffset.UtcNow);
        await client.SendAsync(new ApiRequest("POST", path), new ApiCredential("ak", "sk", "1"), CancellationToken.None);
        Assert.Equal("/base" + path, Assert.Single(handler.Seen).Url.AbsolutePath);
    }

    // 15.9 and 15.14: each key is named by what it is, and a key longer than any real one is refused before hashing.
    [Theory]
    [InlineData("ak", "sk", "1\r\n2", "userId", "user id")]
    [InlineData("a\nk", "sk", "1", "accessKey", "access key")]
    public void AControlCharacterNamesTheValueItIsIn(string accessKey, string secretKey, string userId, string parameter, string what)
    {
        var e = Assert.Throws<ArgumentException>(() => new ApiCredential(accessKey, secretKey, userId));
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(what, e.Message);
    }

    [Theory]
    [InlineData("accessKey")]
    [InlineData("secretKey")]
    [InlineData("userId")]
    public void OverLongKeysAreRefusedAtTheDocumentedLength(string which)
    {
        string atLimit = new('k', ApiCredential.MaxKeyLength), over = new('k', ApiCredential.MaxKeyLength + 1);
        ApiCredential Make(string value) => new(which == "accessKey" ? value : "ak", which == "secretKey" ? value : "sk", which == "userId" ? value : "1");
        Assert.NotNull(Make(atLimit));
        var e = Assert.Throws<ArgumentException>(() => Make(over));
        Assert.Equal(which, e.ParamName);
        Assert.Contains($"{ApiCredential.MaxKeyLength + 1} characters", e.Message);
        Assert.Contains($"at most {ApiCredential.MaxKeyLength}", e.Message);
        Assert.Null(ApiCredential.KeyProblem(atLimit, "the secret key", isHeader: false));
        Assert.NotNull(ApiCredential.KeyProblem(new string('s', 1 << 20), "the secret key", isHeader: false));
    }

    // 15.17: one sentence per cause.
    [Fact]
    public void ABrokenConnectionSaysOneSentencePerCause()
    {
        var inner = new HttpRequestException("An error occurred while sending the request.",
            new IOException("Unable to read data from the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset)));
        string message = PandaponApiException.Unreachable("POST /alibaba/refund/info", new Uri("http://127.0.0.1:9/"), inner).Message;
        Assert.Contains("An error occurred while sending the request. Unable to read data from the transport connection: Connection reset by peer.", message);
        Assert.DoesNotContain("request Unable", message);
        Assert.DoesNotContain("..", message);
    }

    // 15.20: a read waits 30 s an attempt (and is retried), a write 100 s (never retried); a set value wins.
    [Fact]
    public void ReadsTimeOutSoonerThanWrites()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), ApiRequest.Get("/alibaba/order/pay/url").Timeout);
        Assert.Equal(TimeSpan.FromSeconds(30), ApiRequest.Post("/alibaba/refund/info", new { refundId = "TQ1" }, idempotent: true).Timeout);
        Assert.Equal(TimeSpan.FromSeconds(100), ApiRequest.Post("/alibaba/refund/detail/create", new { orderId = 1 }).Timeout);
        var set = new ApiRequest("GET", "/x") { Timeout = TimeSpan.FromSeconds(5) };
        set.Idempotent = false;
        Assert.Equal(TimeSpan.FromSeconds(5), set.Timeout);
    }
}
