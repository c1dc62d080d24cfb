using System;
using Pandapon.Batching;
using Xunit;

namespace Pandapon.Tests;

/// <summary>Progress rules with a fake clock: no sleeping, no timed assertions.</summary>
public class BatchProgressTests
{
    private TimeSpan _now;
    private int _running;

    private BatchProgress NewProgress(int expectedTotal = 0) => new(() => _now, () => _running) { ExpectedTotal = expectedTotal };

    [Fact]
    public void NoBar_BeforeTwoSeconds()
    {
        var progress = NewProgress(10);
        progress.InputSubmitted();
        _now = TimeSpan.FromMilliseconds(1999);
        Assert.Null(progress.Next());
        Assert.False(progress.Shown);
        _now = TimeSpan.FromSeconds(2);
        Assert.NotNull(progress.Next());
        Assert.True(progress.Shown);
    }

    [Fact]
    public void Updates_AtMostEvery250Milliseconds()
    {
        var progress = NewProgress();
        _now = TimeSpan.FromSeconds(3);
        Assert.NotNull(progress.Next());
        _now += TimeSpan.FromMilliseconds(249);
        Assert.Null(progress.Next());
        _now += TimeSpan.FromMilliseconds(1);
        Assert.NotNull(progress.Next());
    }

    [Fact]
    public void KnownTotal_GivesAPercentageAndAnEstimate()
    {
        var progress = NewProgress(expectedTotal: 8);
        for (int i = 0; i < 4; i++) progress.InputSubmitted();
        progress.InputCompleted();
        progress.InputCompleted();
        _running = 2;
        _now = TimeSpan.FromSeconds(4);
        ProgressReport report = progress.Next()!;
        Assert.Equal("2 of 8 done, 2 in flight", report.Status);
        Assert.Equal(25, report.PercentComplete);
        Assert.Equal(12, report.SecondsRemaining);   // 2 s per item, 6 to go
    }

    [Fact]
    public void UnknownTotal_CountsOnly()
    {
        var progress = NewProgress();
        progress.InputSubmitted();
        progress.InputSubmitted();
        progress.InputCompleted();
        _running = 1;
        _now = TimeSpan.FromSeconds(5);
        ProgressReport report = progress.Next()!;
        Assert.Equal("1 done, 1 in flight", report.Status);
        Assert.Null(report.PercentComplete);
        Assert.Null(report.SecondsRemaining);
    }

    [Fact]
    public void MoreInputsThanExpected_NeverPassesAHundredPercent()
    {
        var progress = NewProgress(expectedTotal: 2);
        for (int i = 0; i < 3; i++)
        {
            progress.InputSubmitted();
            progress.InputCompleted();
        }
        _now = TimeSpan.FromSeconds(3);
        Assert.Equal(100, progress.Next()!.PercentComplete);
    }

    [Fact]
    public void LogRelay_KeepsTheOrderAndTheStream_AndDropsWhatIsOff()
    {
        var relay = new LogRelay(verbose: true, debug: false);
        relay.Verbose("one");
        relay.Debug("hidden");
        relay.Verbose("two");
        Assert.True(relay.TryTake(out LogStream stream, out string line));
        Assert.Equal((LogStream.Verbose, "one"), (stream, line));
        Assert.True(relay.TryTake(out stream, out line));
        Assert.Equal("two", line);
        Assert.False(relay.TryTake(out _, out _));

        var debug = new LogRelay(verbose: false, debug: true);
        debug.Debug("headers");
        Assert.True(debug.TryTake(out stream, out _));
        Assert.Equal(LogStream.Debug, stream);
    }

    [Fact]
    public void InFlight_CountsRequestsOnTheWire_NotTheQueuedWindow()
    {
        // 1 throttle slot, 40 inputs taken into the window, 3 results written: 1 on the wire, 36 waiting.
        var progress = NewProgress();
        for (int i = 0; i < 40; i++) progress.InputSubmitted();
        for (int i = 0; i < 3; i++) progress.InputCompleted();
        _running = 1;
        _now = TimeSpan.FromSeconds(3);
        Assert.Equal("3 done, 1 in flight, 36 queued", progress.Next()!.Status);
    }
}
