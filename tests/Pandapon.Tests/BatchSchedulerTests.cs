using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Pandapon.Batching;
using Xunit;

namespace Pandapon.Tests;

/// <summary>The cmdlets' batch scheduling without PowerShell: order, the wait that pumps, progress counts, cancellation.</summary>
public class BatchSchedulerTests
{
    [Fact]
    public void Results_ComeBackInInputOrder_AndAreCounted()
    {
        using var scheduler = new BatchScheduler<int>(4, CancellationToken.None, () => TimeSpan.Zero);
        var gates = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource<int>()).ToArray();
        var got = new List<object?>();
        for (int i = 0; i < 3; i++)
        {
            int n = i;
            got.AddRange(scheduler.Add(n, _ => gates[n].Task, () => { }).Select(r => r.Input));
        }
        Assert.Empty(got);
        gates[2].SetResult(2);
        gates[1].SetResult(1);
        Assert.Equal(3, scheduler.Progress.Submitted);
        Assert.Equal(0, scheduler.Progress.Completed);
        gates[0].SetResult(0);
        while (scheduler.Next(() => { }) is BatchResult<int> result) got.Add(result.Value);
        Assert.Equal(new object?[] { 0, 1, 2 }, got);
        Assert.Equal(3, scheduler.Progress.Completed);
        Assert.Null(scheduler.Next(() => { }));
    }

    [Fact]
    public void Waiting_CallsIdle_UntilTheOldestIsDone()
    {
        using var scheduler = new BatchScheduler<int>(1, CancellationToken.None, () => TimeSpan.Zero);
        var gate = new TaskCompletionSource<int>();
        scheduler.Add("slow", _ => gate.Task, () => { });
        int idles = 0;
        BatchResult<int>? result = scheduler.Next(() =>
        {
            if (++idles == 3) gate.SetResult(7);
        });
        Assert.True(idles >= 3, "the pipeline thread pumped while it waited");
        Assert.Equal(("slow", 7), (result!.Input, result.Value));
    }

    [Fact]
    public void AFailure_IsAResultOfItsInput_AndTheRestGoOn()
    {
        using var scheduler = new BatchScheduler<int>(2, CancellationToken.None, () => TimeSpan.Zero);
        var results = scheduler.Add("bad", _ => Task.FromException<int>(new InvalidOperationException("boom")), () => { }).ToList();
        results.AddRange(scheduler.Add("good", _ => Task.FromResult(1), () => { }));
        while (scheduler.Next(() => { }) is BatchResult<int> next) results.Add(next);
        Assert.Equal(2, results.Count);
        var (first, second) = (results[0], results[1]);
        Assert.Equal(("bad", "boom"), (first.Input, first.Error!.Message));
        Assert.Equal(("good", 1), (second.Input, second.Value));
    }

    [Fact]
    public void Cancellation_EndsTheWait()
    {
        using var cancel = new CancellationTokenSource();
        using var scheduler = new BatchScheduler<int>(1, cancel.Token, () => TimeSpan.Zero);
        scheduler.Add("never", _ => new TaskCompletionSource<int>().Task, () => { });
        Assert.ThrowsAny<OperationCanceledException>(() => scheduler.Next(() => cancel.Cancel()));
    }

    [Fact]
    public void Progress_UsesTheInjectedClock()
    {
        var now = TimeSpan.Zero;
        using var scheduler = new BatchScheduler<int>(1, CancellationToken.None, () => now);
        scheduler.Add(1, _ => Task.FromResult(1), () => { });
        Assert.Null(scheduler.Progress.Next());
        now = TimeSpan.FromSeconds(2);
        Assert.NotNull(scheduler.Progress.Next());
    }
}
