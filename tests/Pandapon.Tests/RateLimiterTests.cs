using System.Net.Http;
using Pandapon.Client;
using Xunit;

namespace Pandapon.Tests;

/// <summary>The limiter's arithmetic on a fake clock: nothing here sleeps or measures real time.</summary>
public class RateLimiterTests
{
    private TimeSpan _now = TimeSpan.FromSeconds(100);
    private static readonly Uri Endpoint = new("http://127.0.0.1:9/");

    private RateLimiter Limiter(double? maximum = null, bool adaptive = true) => new(() => _now, maximum, adaptive);

    private void Advance(double seconds) => _now += TimeSpan.FromSeconds(seconds);

    /// <summary>Accepted answers spread evenly over the last second, as a server at that rate would give.</summary>
    private void AcceptOverLastSecond(RateLimiter limiter, int count)
    {
        for (int i = 0; i < count; i++)
        {
            limiter.OnAccepted();
            Advance(1.0 / count);
        }
    }

    [Fact]
    public void UnlimitedUntilTheFirst429_NoWaitAtAll()
    {
        var limiter = Limiter();
        Assert.False(limiter.IsLimiting);
        Assert.True(double.IsPositiveInfinity(limiter.Rate));
        for (int i = 0; i < 10_000; i++) Assert.Equal(TimeSpan.Zero, limiter.Reserve().Wait);
    }

    [Fact]
    public void AConfiguredMaximumSpacesRequestsEvenly()
    {
        var limiter = Limiter(maximum: 20);
        Assert.True(limiter.IsLimiting);
        Assert.Equal(20, limiter.Rate);
        // The bucket holds one request (20/s × 50 ms), then one every 50 ms.
        Assert.Equal(TimeSpan.Zero, limiter.Reserve().Wait);
        Assert.Equal(0.05, limiter.Reserve().Wait.TotalSeconds, 6);
        Assert.Equal(0.10, limiter.Reserve().Wait.TotalSeconds, 6);
        Advance(0.10);
        Assert.Equal(0.05, limiter.Reserve().Wait.TotalSeconds, 6);
    }

    [Fact]
    public void A429DropsTheRateToBetaOfThePlateau_ThePlateauBeing95PercentOfTheAcceptedRate()
    {
        var limiter = Limiter();
        AcceptOverLastSecond(limiter, 200);
        limiter.OnThrottled(_now, retryAfter: null);
        double plateau = RateLimiter.PlateauShare * 200;
        Assert.Equal(RateLimiter.Beta * plateau, limiter.Rate, 6);
        Assert.True(limiter.IsLimiting);
    }

    [Fact]
    public void TheRateClimbsBackOnACubicCurve_ReachesThePlateauAfterK_ThenProbesSlowlyAboveIt()
    {
        var limiter = Limiter();
        AcceptOverLastSecond(limiter, 200);
        limiter.OnThrottled(_now, retryAfter: null);
        double plateau = RateLimiter.PlateauShare * 200;
        double k = Math.Cbrt(plateau * (1 - RateLimiter.Beta) / RateLimiter.ApproachC);

        double previous = limiter.Rate;
        var rates = new List<double>();
        for (int step = 1; step <= 40; step++)
        {
            Advance(k / 20);
            double rate = limiter.Rate;
            Assert.True(rate >= previous, $"the rate fell from {previous} to {rate} at step {step}");
            rates.Add(rate);
            previous = rate;
        }
        // Concave before K: the steps shrink as the plateau nears; at K exactly the plateau.
        Assert.True(rates[1] - rates[0] > rates[18] - rates[17]);
        Assert.Equal(plateau, rates[19], 6);
        // After K it probes above, slowly: at t = K + 20 s the plateau × (1 + (20/60)³).
        Advance(20 - k);
        Assert.Equal(plateau * (1 + Math.Pow(20 / RateLimiter.ProbeSeconds, 3)), limiter.Rate, 3);
    }

    [Fact]
    public void RetryAfterPausesEveryCaller_AndPlacesGivenBeforeThe429AreGivenAgain()
    {
        var limiter = Limiter();
        AcceptOverLastSecond(limiter, 100);
        RateLimitReservation before = limiter.Reserve();
        Assert.Equal(TimeSpan.Zero, before.Wait);

        limiter.OnThrottled(_now, TimeSpan.FromSeconds(3));
        Assert.False(limiter.IsCurrent(before));
        RateLimitReservation first = limiter.Reserve();
        Assert.Equal(3.0, first.Wait.TotalSeconds, 6);   // one request may go when the pause ends
        Assert.True(limiter.IsCurrent(first));
        RateLimitReservation second = limiter.Reserve();
        Assert.Equal(3.0 + 1 / limiter.Rate, second.Wait.TotalSeconds, 3);

        Advance(3);
        Assert.True(limiter.Reserve().Wait > TimeSpan.Zero, "the two places above come first");
    }

    [Fact]
    public void A429ToARequestSentBeforeTheDropBelongsToTheSameEvent_AndDropsNothingMore()
    {
        var limiter = Limiter();
        TimeSpan sentEarlier = _now;
        AcceptOverLastSecond(limiter, 200);
        limiter.OnThrottled(_now, retryAfter: null);
        double afterFirstDrop = limiter.Rate;

        limiter.OnThrottled(sentEarlier, retryAfter: null);   // in flight when the first 429 came
        Assert.Equal(afterFirstDrop, limiter.Rate, 6);

        Advance(0.5);
        AcceptOverLastSecond(limiter, 100);
        limiter.OnThrottled(_now, retryAfter: null);          // sent after the drop: a new event
        Assert.True(limiter.Rate < afterFirstDrop);
    }

    [Fact]
    public void OnceLimiting_ARetryAfterOfOneSecondPausesOnlyTheThrottledRequest_ALongerOnePausesEveryone()
    {
        var limiter = Limiter();
        AcceptOverLastSecond(limiter, 100);
        limiter.OnThrottled(_now, retryAfter: null);   // the first event: the limiter learns a rate
        Advance(10);
        AcceptOverLastSecond(limiter, 100);

        limiter.OnThrottled(_now, TimeSpan.FromSeconds(1));
        Assert.True(limiter.Reserve().Wait < TimeSpan.FromSeconds(0.5), "a 1 s Retry-After once limiting pauses no one else");

        Advance(10);
        AcceptOverLastSecond(limiter, 100);
        limiter.OnThrottled(_now, TimeSpan.FromSeconds(5));
        Assert.Equal(5.0, limiter.Reserve().Wait.TotalSeconds, 6);
    }

    [Fact]
    public void A429WhileTheServerAcceptedNearlyEverythingIsEdgeNoise_ThePlateauLosesOnePercent()
    {
        var limiter = Limiter();
        AcceptOverLastSecond(limiter, 200);
        limiter.OnThrottled(_now, retryAfter: null);
        double plateau = RateLimiter.PlateauShare * 200;
        Advance(30);
        AcceptOverLastSecond(limiter, (int)plateau);   // it ran at the plateau and got nearly all of it through

        limiter.OnThrottled(_now, retryAfter: null);
        Assert.Equal(RateLimiter.Beta * (1 - RateLimiter.EdgeStep) * plateau, limiter.Rate, 6);
    }

    [Fact]
    public void ManyA429sInTheLastSecondMeanTheLimitMoved_ThePlateauFollowsTheAcceptedRate()
    {
        var limiter = Limiter();
        TimeSpan longAgo = _now;
        AcceptOverLastSecond(limiter, 200);
        limiter.OnThrottled(_now, retryAfter: null);
        Advance(30);
        for (int i = 0; i < 100; i++)
        {
            limiter.OnAccepted();
            limiter.OnThrottled(longAgo, retryAfter: null);   // counted, but sent before the drop: no new event
            Advance(0.01);
        }

        limiter.OnThrottled(_now, retryAfter: null);
        Assert.Equal(RateLimiter.Beta * RateLimiter.PlateauShare * 100, limiter.Rate, 6);
    }

    [Fact]
    public void RandomA429sAmongManySuccesses_DoNotDragTheRateToTheFloor()
    {
        var limiter = Limiter();
        AcceptOverLastSecond(limiter, 200);
        limiter.OnThrottled(_now, retryAfter: null);
        for (int second = 0; second < 20; second++)
        {
            AcceptOverLastSecond(limiter, (int)Math.Min(limiter.Rate, 1000));
            limiter.OnThrottled(_now, retryAfter: null);   // one fault a second, whatever the rate
        }
        Assert.True(limiter.Rate > 0.7 * RateLimiter.Beta * RateLimiter.PlateauShare * 200, $"the rate fell to {limiter.Rate}");
    }

    [Fact]
    public void WithTheAdaptivePartOff_A429ChangesNothing()
    {
        var limiter = Limiter(maximum: null, adaptive: false);
        AcceptOverLastSecond(limiter, 200);
        limiter.OnThrottled(_now, TimeSpan.FromSeconds(5));
        Assert.False(limiter.IsLimiting);
        Assert.Equal(TimeSpan.Zero, limiter.Reserve().Wait);
    }

    [Fact]
    public void TheConfiguredMaximumCapsTheClimb()
    {
        var limiter = Limiter(maximum: 50);
        AcceptOverLastSecond(limiter, 50);
        limiter.OnThrottled(_now, retryAfter: null);
        Assert.Equal(RateLimiter.Beta * RateLimiter.PlateauShare * 50, limiter.Rate, 6);
        Advance(3600);
        Assert.Equal(50, limiter.Rate);
    }

    [Fact]
    public void A429AmongTooFewAnswersTeachesNothing_ButItsRetryAfterIsHonoured()
    {
        var limiter = Limiter();
        for (int i = 0; i < RateLimiter.MinimumEvidence - 2; i++) limiter.OnAccepted();
        limiter.OnThrottled(_now, TimeSpan.FromSeconds(1));
        Assert.True(double.IsPositiveInfinity(limiter.Rate));
        Assert.Equal(1.0, limiter.Reserve().Wait.TotalSeconds, 6);
    }

    [Fact]
    public void TheRegistryGivesOneLimiterPerEndpointAndAccessKey_SharedByEveryCaller()
    {
        var registry = new RateLimiterRegistry(() => _now, _ => null);
        var key1 = new ApiCredential("access-key-one", "secret", "user", Endpoint);
        var key1AsAnotherUser = new ApiCredential("access-key-one", "other secret", "other user", Endpoint);
        var key2 = new ApiCredential("access-key-two", "secret", "user", Endpoint);
        var key1Elsewhere = new ApiCredential("access-key-one", "secret", "user", new Uri("http://127.0.0.1:10/"));

        Assert.Same(registry.For(key1), registry.For(key1AsAnotherUser));
        Assert.NotSame(registry.For(key1), registry.For(key2));
        Assert.NotSame(registry.For(key1), registry.For(key1Elsewhere));
    }

    [Fact]
    public void CallersSharingALimiterShareItsRate_ManyThreadsGetDistinctEvenlySpacedPlaces()
    {
        var registry = new RateLimiterRegistry(() => _now, _ => null);
        var credential = new ApiCredential("shared-key-0001", "secret", "user", Endpoint).WithMaxRequestsPerSecond(10);
        var waits = new System.Collections.Concurrent.ConcurrentBag<double>();
        Parallel.For(0, 40, _ => waits.Add(registry.For(credential).Reserve().Wait.TotalSeconds));

        // 40 callers at 10/s on a clock that does not move: one place now, then one every 100 ms, none shared.
        double[] sorted = waits.OrderBy(w => w).ToArray();
        for (int i = 0; i < sorted.Length; i++) Assert.Equal(i * 0.1, sorted[i], 6);
    }

    [Fact]
    public void ThrottlingSeenByOneCallerSlowsTheOthers()
    {
        var registry = new RateLimiterRegistry(() => _now, _ => null);
        var credential = new ApiCredential("shared-key-0002", "secret", "user", Endpoint);
        RateLimiter first = registry.For(credential);
        AcceptOverLastSecond(first, 100);
        first.OnThrottled(_now, TimeSpan.FromSeconds(1));

        RateLimiter second = registry.For(credential);   // another runspace's call
        Assert.True(second.IsLimiting);
        Assert.Equal(1.0, second.Reserve().Wait.TotalSeconds, 6);
        Assert.Equal(RateLimiter.Beta * RateLimiter.PlateauShare * 100, second.Rate, 6);
    }

    [Fact]
    public void TheEnvironmentSwitchesTheAdaptivePartOff()
    {
        foreach (string off in new[] { "0", "false", "OFF" })
            Assert.False(new RateLimiterRegistry(() => _now, name => name == RateLimiterRegistry.AdaptiveVariable ? off : null).AdaptiveEnabled);
        Assert.True(new RateLimiterRegistry(() => _now, _ => null).AdaptiveEnabled);
        Assert.True(new RateLimiterRegistry(() => _now, _ => "1").AdaptiveEnabled);

        var registry = new RateLimiterRegistry(() => _now, _ => "0");
        RateLimiter limiter = registry.For(new ApiCredential("key-off-000001", "secret", "user", Endpoint));
        limiter.OnThrottled(_now, TimeSpan.FromSeconds(1));
        Assert.False(limiter.IsLimiting);
    }

    [Fact]
    public async Task AWaitIsToldInVerboseOncePerCall()
    {
        var registry = new RateLimiterRegistry(() => _now, _ => null);
        var credential = new ApiCredential("shared-key-0003", "secret", "user", Endpoint).WithMaxRequestsPerSecond(1);
        RateLimiter limiter = registry.For(credential);
        var log = new ListLog();
        var sleeps = new List<TimeSpan>();
        Task Sleep(TimeSpan delay, CancellationToken _)
        {
            sleeps.Add(delay);
            return Task.CompletedTask;
        }
        for (int i = 0; i < 5; i++) await registry.WaitAsync(limiter, "POST /x", log, Sleep, CancellationToken.None);

        Assert.Equal(4, sleeps.Count);   // the first place is free, the others wait
        string line = Assert.Single(log.Verbose);
        Assert.Contains("POST /x: waiting for the rate limit", line);
        Assert.Contains("1 requests/s, the configured maximum", line);

        var anotherCall = new ListLog();
        await registry.WaitAsync(limiter, "POST /x", anotherCall, Sleep, CancellationToken.None);
        Assert.Single(anotherCall.Verbose);
    }

    [Fact]
    public async Task TheClientFeedsA429AndItsRetryAfterToTheLimiter_AndTheRetryWaitsForItsTurn()
    {
        var registry = new RateLimiterRegistry(() => _now, _ => null);
        var credential = new ApiCredential("client-key-0001", "secret", "user", Endpoint);
        var sleeps = new List<TimeSpan>();
        var handler = new FakeHandler(
            FakeHandler.Json(429, """{"requestId":"ffffffffffffffffffffffffffffffff","code":42902,"developId":null,"msg":"rate limit exceeded","data":null}""", retryAfterSeconds: 2),
            FakeHandler.Ok());
        var client = new PandaponClient(Endpoint, handler, new RetryPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(120), () => 0.5),
            (delay, _) =>
            {
                sleeps.Add(delay);
                return Task.CompletedTask;   // the fake clock does not move: the limiter's wait stays in full
            },
            rateLimits: registry);

        ApiResponse response = await client.SendAsync(new ApiRequest("GET", "/x"), credential, CancellationToken.None);

        Assert.Equal(2, response.Attempts);
        RateLimiter limiter = registry.For(credential);
        Assert.True(limiter.IsLimiting);
        Assert.True(double.IsPositiveInfinity(limiter.Rate));   // one answer is too little to learn a rate from
        // The retry policy's own wait (at least Retry-After), then the limiter's: the pause of 2 s.
        Assert.Equal(new[] { TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2) }, sleeps);
    }
}
