using System.Text;
using Pandapon.Api;
using Pandapon.Client;
using Xunit;

namespace Pandapon.Tests;

public class RetryPolicyTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static PandaponApiException Failure(int status, string body)
    {
        try
        {
            EnvelopeParser.Parse("GET /x", status, "Reason", Encoding.UTF8.GetBytes(body));
        }
        catch (PandaponApiException e)
        {
            return e;
        }
        throw new InvalidOperationException("the envelope did not fail");
    }

    private static RetryPolicy Policy(double random) => new(Second, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(120), () => random);

    [Theory]
    [InlineData(429, 42901, true)]
    [InlineData(500, 50001, true)]
    [InlineData(503, 50003, true)]
    [InlineData(401, 40101, false)]
    [InlineData(401, 40102, false)]
    [InlineData(403, 40103, false)]
    [InlineData(401, 40104, false)]
    [InlineData(401, 40105, false)]
    [InlineData(401, 40106, false)]
    [InlineData(400, 40001, false)]
    [InlineData(404, 40401, false)]
    [InlineData(200, 40401, false)]
    [InlineData(200, 5001, false)]
    public void OnlyRateLimitsAndServerErrorsAreRetried(int status, int code, bool retried)
    {
        var failure = Failure(status, $$"""{"code":{{code}},"msg":"m","requestId":"r"}""");
        Assert.Equal(retried, RetryPolicy.IsTransient(failure));
        Assert.Equal(retried, Policy(0.5).Decide(new ApiRequest("GET", "/x"), failure, 1).Retry);
    }

    [Fact]
    public void AnHtmlBadGatewayIsRetried()
        => Assert.True(Policy(0.5).Decide(new ApiRequest("GET", "/x"), Failure(502, "<html>bad gateway</html>"), 1).Retry);

    [Theory]
    [InlineData("""{"requestId":"r","code":200,"data":{"refundId":"TQ""")]
    [InlineData("")]
    public void ABodyCutOffOrEmptyIsRetried_ForAnIdempotentRequest(string body)
    {
        var failure = Failure(200, body);
        Assert.True(failure.BodyNotJson);
        Assert.True(Policy(0.5).Decide(new ApiRequest("GET", "/x"), failure, 1).Retry);
        Assert.False(Policy(0.5).Decide(new ApiRequest("POST", "/x"), failure, 1).Retry);
    }

    [Fact]
    public void WellFormedJsonOfTheWrongShapeIsNotRetried()
    {
        var failure = Failure(200, """{"code":"200","data":{}}""");
        Assert.False(failure.BodyNotJson);
        Assert.False(Policy(0.5).Decide(new ApiRequest("GET", "/x"), failure, 1).Retry);
    }

    [Fact]
    public void A4xxWithoutEnvelopeIsNotRetried()
        => Assert.False(Policy(0.5).Decide(new ApiRequest("GET", "/x"), Failure(404, "<html>not found</html>"), 1).Retry);

    [Theory]
    [InlineData(1, 500, 1000)]
    [InlineData(2, 1000, 2000)]
    [InlineData(3, 2000, 4000)]
    [InlineData(4, 4000, 8000)]
    [InlineData(5, 8000, 16000)]
    [InlineData(6, 15000, 30000)]
    [InlineData(20, 15000, 30000)]
    public void BackOffDoublesWithJitterBetweenHalfAndAllOfItsCeiling(int retry, int lowMs, int highMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(lowMs), Policy(0.0).DelayBeforeRetry(retry));
        Assert.Equal(TimeSpan.FromMilliseconds(highMs), Policy(1.0).DelayBeforeRetry(retry));
        Assert.InRange(Policy(0.37).DelayBeforeRetry(retry), TimeSpan.FromMilliseconds(lowMs), TimeSpan.FromMilliseconds(highMs));
    }

    [Fact]
    public void TheDefaultJitterStaysInBounds()
    {
        for (int i = 0; i < 200; i++)
            Assert.InRange(RetryPolicy.Default.DelayBeforeRetry(3), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void RetryAfterIsAFloor()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), Policy(1.0).DelayBeforeRetry(1, TimeSpan.FromSeconds(7)));
        Assert.Equal(TimeSpan.FromSeconds(4), Policy(1.0).DelayBeforeRetry(3, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void RetryAfterIsHonouredInTheDecision()
    {
        var failure = EnvelopeFailureWithRetryAfter(TimeSpan.FromSeconds(9));
        var decision = Policy(0.0).Decide(new ApiRequest("GET", "/x"), failure, 1);
        Assert.True(decision.Retry);
        Assert.Equal(TimeSpan.FromSeconds(9), decision.Delay);
        Assert.Contains("Retry-After 9 s", decision.Reason);
    }

    [Fact]
    public void ARetryAfterBeyondTheLimitIsNotWaitedFor()
    {
        var decision = Policy(0.0).Decide(new ApiRequest("GET", "/x"), EnvelopeFailureWithRetryAfter(TimeSpan.FromSeconds(600)), 1);
        Assert.False(decision.Retry);
        Assert.Contains("asked to wait 600 s", decision.NoteIfNotRetried);
    }

    [Fact]
    public void NonIdempotentRequestsAreNeverRetried_AndATimeoutSaysItMayHaveHappened()
    {
        var post = new ApiRequest("POST", "/alibaba/refund/detail/create");
        Assert.False(post.Idempotent);
        var server = Policy(0.5).Decide(post, Failure(503, """{"code":50001}"""), 1);
        Assert.False(server.Retry);
        Assert.Contains("not idempotent", server.NoteIfNotRetried);

        var timeout = Policy(0.5).Decide(post, PandaponApiException.TimedOut("POST /alibaba/refund/detail/create", Second), 1);
        Assert.False(timeout.Retry);
        Assert.Contains("may or may not have taken effect", timeout.NoteIfNotRetried);
    }

    [Fact]
    public void AnIdempotentPostIsRetried()
        => Assert.True(Policy(0.5).Decide(new ApiRequest("POST", "/alibaba/refund/info") { Idempotent = true }, Failure(500, """{"code":50001}"""), 1).Retry);

    [Fact]
    public void RetriesStopAtMaxRetries()
    {
        var request = new ApiRequest("GET", "/x") { MaxRetries = 2 };
        var failure = Failure(500, """{"code":50001}""");
        Assert.True(Policy(0.5).Decide(request, failure, 1).Retry);
        Assert.True(Policy(0.5).Decide(request, failure, 2).Retry);
        Assert.False(Policy(0.5).Decide(request, failure, 3).Retry);
    }

    [Fact]
    public void TimeoutsAndConnectionFailuresAreRetried()
    {
        var get = new ApiRequest("GET", "/x");
        Assert.True(Policy(0.5).Decide(get, PandaponApiException.TimedOut("GET /x", Second), 1).Retry);
        Assert.True(Policy(0.5).Decide(get, PandaponApiException.Unreachable("GET /x", new Uri("http://127.0.0.1:1/"), new HttpRequestException("refused")), 1).Retry);
    }

    private static PandaponApiException EnvelopeFailureWithRetryAfter(TimeSpan after)
    {
        try
        {
            EnvelopeParser.Parse("GET /x", 429, "Too Many Requests", Encoding.UTF8.GetBytes("""{"code":42901,"msg":"too many requests"}"""), after);
        }
        catch (PandaponApiException e)
        {
            return e;
        }
        throw new InvalidOperationException("the envelope did not fail");
    }
}
