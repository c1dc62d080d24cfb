using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Endpoints;
using Xunit;

namespace Pandapon.Tests;

/// <summary>
/// How an answer is judged an authentication refusal (docs/api.md, "Authentication refusals"), on envelopes shaped
/// like PandaPon's (requestId, code, developId, msg, data), and what Test-PandaponCredential's probe makes of them.
/// </summary>
public class CredentialProbeTests
{
    private static readonly ApiCredential Credential = new("58c0201dfdf148eca63cbf6bb5e7cf03", "s3cr3t", "2100007341207", new Uri("http://127.0.0.1:9/"));

    [Theory]
    // The sandbox's codes, and their HTTP statuses.
    [InlineData(401, 40101, "missing header: nonce-str", AuthenticationPart.Header)]
    [InlineData(401, 40102, "unknown access-key", AuthenticationPart.AccessKey)]
    [InlineData(403, 40103, "user-id does not match the access-key", AuthenticationPart.UserId)]
    [InlineData(401, 40104, "signature mismatch", AuthenticationPart.Signature)]
    [InlineData(401, 40105, "timestamp expired or invalid", AuthenticationPart.Timestamp)]
    [InlineData(401, 40106, "nonce already used", AuthenticationPart.Nonce)]
    // Unpublished codes in a 200 envelope: judged by the wording, Chinese or English.
    [InlineData(200, 500, "签名错误", AuthenticationPart.Signature)]
    [InlineData(200, 10001, "验签失败，请检查签名", AuthenticationPart.Signature)]
    [InlineData(200, 1, "Invalid signature", AuthenticationPart.Signature)]
    [InlineData(200, 500, "accessKey不存在", AuthenticationPart.AccessKey)]
    [InlineData(200, 500, "时间戳已过期", AuthenticationPart.Timestamp)]
    [InlineData(200, 500, "Request expired, check the timestamp", AuthenticationPart.Timestamp)]
    [InlineData(200, 500, "user-id不匹配", AuthenticationPart.UserId)]
    [InlineData(200, 500, "nonce重复", AuthenticationPart.Nonce)]
    [InlineData(200, 401, "鉴权失败", AuthenticationPart.Unknown)]
    // HTTP 401/403 with a code that says nothing.
    [InlineData(401, 0, "", AuthenticationPart.Unknown)]
    [InlineData(403, 0, "Forbidden", AuthenticationPart.Unknown)]
    [InlineData(403, 0, "", AuthenticationPart.UserId)]
    public void RefusalsAreRecognised(int httpStatus, int code, string msg, AuthenticationPart part)
    {
        Assert.True(AuthenticationRefusal.IsRefusal(code == 0 ? null : code, httpStatus, msg, out var seen));
        Assert.Equal(part, seen);
    }

    [Theory]
    [InlineData(200, 200, "成功")]                                   // success
    [InlineData(200, 40401, "refund not found: TQ00000000000000000")]
    [InlineData(200, 5005, "退款申请的时间戳已过期")]                 // 1688's own business code: its words are not ours to judge
    [InlineData(400, 40001, "invalid request: refundId")]
    [InlineData(500, 50001, "internal error")]
    [InlineData(429, 42901, "too many requests")]
    [InlineData(200, 500, "系统繁忙")]
    public void OtherAnswersAreNot(int httpStatus, int code, string msg)
        => Assert.False(AuthenticationRefusal.IsRefusal(code, httpStatus, msg, out _));

    [Fact]
    public async Task AWordedRefusalInA200Envelope_IsAnAuthenticationFailure_WithItsPart()
    {
        var client = new PandaponClient(new Uri("http://127.0.0.1:9/"), new FakeHandler(FakeHandler.Error(200, 500, "签名错误")));
        var e = await Assert.ThrowsAsync<PandaponApiException>(() =>
            client.SendAsync(CredentialProbe.Request(), Credential, CancellationToken.None));
        Assert.Equal(ApiErrorKind.Authentication, e.Kind);
        Assert.Equal(AuthenticationPart.Signature, e.AuthenticationPart);
    }

    [Fact]
    public async Task NotFound_MeansTheCredentialsWereAccepted()
    {
        var handler = new FakeHandler(FakeHandler.Error(200, 40401, "refund not found: TQ00000000000000000"));
        var outcome = await CredentialProbe.SendAsync(new PandaponClient(new Uri("http://127.0.0.1:9/"), handler), Credential,
            CredentialProbe.Request(), CancellationToken.None);
        Assert.True(outcome.Accepted);
        Assert.False(outcome.Refused);
        Assert.Equal(40401, outcome.Code);
        Assert.Contains(CredentialProbe.ProbeRefundId, Assert.Single(handler.Seen).Body);
    }

    [Fact]
    public async Task ARefusal_IsNotRetried_AndNamesThePart()
    {
        var handler = new FakeHandler(FakeHandler.Error(401, 40104, "signature mismatch"));
        var outcome = await CredentialProbe.SendAsync(new PandaponClient(new Uri("http://127.0.0.1:9/"), handler), Credential,
            CredentialProbe.Request(), CancellationToken.None);
        Assert.True(outcome.Refused);
        Assert.Equal(AuthenticationPart.Signature, outcome.RefusedPart);
        Assert.Single(handler.Seen);
    }

    [Fact]
    public async Task AServerError_IsInconclusive()
    {
        var handler = new FakeHandler(FakeHandler.Error(500, 50001, "internal error"));
        var outcome = await CredentialProbe.SendAsync(new PandaponClient(new Uri("http://127.0.0.1:9/"), handler), Credential,
            CredentialProbe.Request(), CancellationToken.None);
        Assert.True(outcome.Inconclusive);
    }

    [Fact]
    public async Task TheServersDateGivesTheClockSkew()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1715669977);
        FakeHandler handler = new((request, token) =>
        {
            var response = new HttpResponseMessage(System.Net.HttpStatusCode.Unauthorized)
            {
                Content = new StringContent("""{"requestId":"ffffffffffffffffffffffffffffffff","code":40105,"developId":null,"msg":"timestamp expired or invalid","data":null}""",
                    System.Text.Encoding.UTF8, "application/json"),
            };
            response.Headers.Date = now.AddSeconds(-900);
            return Task.FromResult(response);
        });
        var client = new PandaponClient(new Uri("http://127.0.0.1:9/"), handler, null, null, () => now);
        var outcome = await CredentialProbe.SendAsync(client, Credential, CredentialProbe.Request(), CancellationToken.None);
        Assert.Equal(AuthenticationPart.Timestamp, outcome.RefusedPart);
        Assert.Equal(TimeSpan.FromSeconds(-900), outcome.ClockSkew);
    }

    [Fact]
    public void TheCandidateRecipes_AreSixAndDistinct_DefaultFirst_SecondsSecond()
    {
        var candidates = CredentialProbe.Candidates;
        Assert.Equal(6, candidates.Count);
        Assert.True(candidates[0].IsDefault);
        Assert.Equal(TimestampUnit.Seconds, candidates[1].TimestampUnit);
        Assert.Equal(SignatureOptions.DefaultTemplate, candidates[1].Template);
        Assert.Equal(6, candidates.Select(c => c.ToString()).Distinct().Count());
    }
}
