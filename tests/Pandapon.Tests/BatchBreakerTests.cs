using Pandapon.Batching;
using Xunit;

namespace Pandapon.Tests;

public class BatchBreakerTests
{
    private sealed class Refused : Exception;

    [Fact]
    public async Task WorkRunsUntilATrippingFailure_ThenLaterWorkIsNotRunAtAll()
    {
        var breaker = new BatchBreaker(e => e is Refused);
        int ran = 0;
        Func<CancellationToken, Task<int>> ok = _ => { Interlocked.Increment(ref ran); return Task.FromResult(1); };
        Func<CancellationToken, Task<int>> refused = _ => { Interlocked.Increment(ref ran); return Task.FromException<int>(new Refused()); };

        Assert.Equal(1, await breaker.Guard(ok)(CancellationToken.None));
        Assert.False(breaker.Tripped);
        await Assert.ThrowsAsync<Refused>(() => breaker.Guard(refused)(CancellationToken.None));
        Assert.True(breaker.Tripped);
        Assert.IsType<Refused>(breaker.Cause);

        await Assert.ThrowsAsync<BatchStoppedException>(() => breaker.Guard(ok)(CancellationToken.None));
        await Assert.ThrowsAsync<BatchStoppedException>(() => breaker.Guard(refused)(CancellationToken.None));
        Assert.Equal(2, ran);
        Assert.Equal(1, breaker.TrippingFailures);
        Assert.Equal(2, breaker.NotRun);
    }

    [Fact]
    public async Task OtherFailuresDoNotTripIt()
    {
        var breaker = new BatchBreaker(e => e is Refused);
        await Assert.ThrowsAsync<TimeoutException>(() => breaker.Guard<int>(_ => throw new TimeoutException())(CancellationToken.None));
        Assert.False(breaker.Tripped);
        Assert.Equal(0, breaker.NotRun);
    }

    [Fact]
    public async Task InAnOrderedBatch_OnlyTheWorkAlreadyInFlightIsRefused()
    {
        // 4 slots, 40 inputs, every request refused: the first four start together, nothing after them starts.
        var breaker = new BatchBreaker(e => e is Refused);
        int started = 0;
        var release = new TaskCompletionSource();
        using var batch = new BatchScheduler<int>(4, CancellationToken.None);
        var results = new List<BatchResult<int>>();
        for (int i = 0; i < 40; i++)
            results.AddRange(batch.Add(i, breaker.Guard<int>(async _ =>
            {
                Interlocked.Increment(ref started);
                await release.Task;
                throw new Refused();
            }), () => { }));
        release.SetResult();
        while (batch.Next(() => { }) is BatchResult<int> next) results.Add(next);

        Assert.Equal(40, results.Count);
        Assert.Equal(4, started);
        Assert.Equal(4, results.Count(r => r.Error is Refused));
        Assert.Equal(36, results.Count(r => r.Error is BatchStoppedException));
        Assert.Equal(36, breaker.NotRun);
    }

    [Fact]
    public async Task ARunBreaker_TripsOnlyAfterThatManyInARow_ASuccessStartsTheCountAgain()
    {
        var breaker = new BatchBreaker(e => e is Refused, run: 3);
        Func<CancellationToken, Task<int>> ok = _ => Task.FromResult(1);
        Func<CancellationToken, Task<int>> refused = _ => Task.FromException<int>(new Refused());
        for (int i = 0; i < 2; i++) await Assert.ThrowsAsync<Refused>(() => breaker.Guard(refused)(CancellationToken.None));
        await breaker.Guard(ok)(CancellationToken.None);
        for (int i = 0; i < 2; i++) await Assert.ThrowsAsync<Refused>(() => breaker.Guard(refused)(CancellationToken.None));
        Assert.False(breaker.Tripped);
        await Assert.ThrowsAsync<Refused>(() => breaker.Guard(refused)(CancellationToken.None));
        Assert.True(breaker.Tripped);
        await Assert.ThrowsAsync<BatchStoppedException>(() => breaker.Guard(ok)(CancellationToken.None));
    }
}
