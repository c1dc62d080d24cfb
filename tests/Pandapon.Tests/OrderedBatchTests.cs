using Pandapon.Batching;
using Xunit;

namespace Pandapon.Tests;

public class OrderedBatchTests
{
    [Fact]
    public void ResultsComeBackInInputOrder_WhateverOrderTheyFinishIn()
    {
        using var batch = new OrderedBatch<int>(4, CancellationToken.None);
        var gates = Enumerable.Range(0, 10).Select(_ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var taken = new List<BatchResult<int>>();
        for (int i = 0; i < 4; i++)
        {
            int n = i;
            taken.AddRange(batch.Add(n, _ => gates[n].Task));
        }
        // Finish them backwards: nothing may come out before item 0.
        for (int i = 3; i >= 1; i--) gates[i].SetResult(i * 10);
        Assert.Empty(batch.TakeCompleted());
        gates[0].SetResult(0);
        var all = new List<BatchResult<int>>(taken);
        while (batch.TakeNext() is { } r) all.Add(r);
        Assert.Equal(new object?[] { 0, 1, 2, 3 }, all.Select(r => r.Input));
        Assert.Equal(new[] { 0, 10, 20, 30 }, all.Select(r => r.Value));
    }

    [Fact]
    public async Task NeverMoreThanTheThrottleLimitInFlight()
    {
        const int limit = 2;
        int inFlight = 0, peak = 0;
        using var batch = new OrderedBatch<int>(limit, CancellationToken.None);
        var results = new List<BatchResult<int>>();
        for (int i = 0; i < 100; i++)
        {
            int n = i;
            results.AddRange(batch.Add(n, async _ =>
            {
                int now = Interlocked.Increment(ref inFlight);
                int seen;
                while ((seen = Volatile.Read(ref peak)) < now && Interlocked.CompareExchange(ref peak, now, seen) != seen) { }
                await Task.Delay(1);
                Interlocked.Decrement(ref inFlight);
                return n;
            }));
            Assert.True(batch.Pending <= OrderedBatch<int>.WindowPerSlot * limit, "the window is bounded");
        }
        while (batch.TakeNext() is { } r) results.Add(r);
        await Task.Yield();
        Assert.Equal(Enumerable.Range(0, 100), results.Select(r => r.Value));
        Assert.InRange(peak, 1, limit);
    }

    [Fact]
    public void AFailingItemYieldsItsErrorAndTheOthersGoOn()
    {
        using var batch = new OrderedBatch<string>(2, CancellationToken.None);
        var results = new List<BatchResult<string>>();
        results.AddRange(batch.Add("a", _ => Task.FromResult("A")));
        results.AddRange(batch.Add("b", _ => Task.FromException<string>(new InvalidOperationException("boom b"))));
        results.AddRange(batch.Add("c", _ => Task.FromResult("C")));
        while (batch.TakeNext() is { } r) results.Add(r);
        Assert.Equal(new object?[] { "a", "b", "c" }, results.Select(r => r.Input));
        Assert.Null(results[0].Error);
        Assert.Equal("boom b", Assert.IsType<InvalidOperationException>(results[1].Error).Message);
        Assert.Equal("C", results[2].Value);
    }

    [Fact]
    public void CancellationEndsAWaitAtOnce()
    {
        using var cts = new CancellationTokenSource();
        using var batch = new OrderedBatch<int>(1, cts.Token);
        // Work that never ends by itself: only the cancelled wait can return. (A Task.Delay(ct).ContinueWith(...)
        // here raced the wait: the continuation could complete the item first, and then nothing was thrown.)
        var never = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        batch.Add(1, _ => never.Task);
        cts.CancelAfter(50);
        Assert.ThrowsAny<OperationCanceledException>(() => batch.TakeNext());
    }

    [Fact]
    public void TakeNextWithTimeout_ReturnsNullWhileTheHeadIsBusy()
    {
        using var batch = new OrderedBatch<int>(1, CancellationToken.None);
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        batch.Add(1, _ => gate.Task);
        Assert.Null(batch.TakeNext(TimeSpan.FromMilliseconds(10)));
        gate.SetResult(7);
        Assert.Equal(7, batch.TakeNext(TimeSpan.FromSeconds(30))!.Value);
    }

    [Fact]
    public void AThrottleBelowOneIsRefused()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new OrderedBatch<int>(0, CancellationToken.None));

    [Fact]
    public void RunningCountsTheWorkStarted_NotTheItemsWaitingForASlot()
    {
        using var batch = new OrderedBatch<int>(2, CancellationToken.None);
        var gates = Enumerable.Range(0, 5).Select(_ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        for (int i = 0; i < 5; i++)
        {
            int n = i;
            batch.Add(n, _ => gates[n].Task);
        }
        Assert.Equal(5, batch.Pending);
        Assert.Equal(2, batch.Running);
        gates[0].SetResult(0);
        Assert.Equal(0, batch.TakeNext()!.Value);
        SpinWait.SpinUntil(() => batch.Running == 2 && gates[2].Task.IsCompleted == false, TimeSpan.FromSeconds(30));
        Assert.Equal(2, batch.Running);
        Assert.Equal(4, batch.Pending);
    }
}
