using Pandapon.Batching;
using Pandapon.Client;
using Xunit;

namespace Pandapon.Tests;

public class PagerTests
{
    /// <summary>A list of <c>count</c> items (0, 1, 2, …) served a page at a time, noting the pages requested.</summary>
    private sealed class FakeList
    {
        private readonly int _count;
        private readonly bool _sendsTotal;
        private readonly bool _completeAtOnce;
        private readonly Queue<Action> _pending = new();

        public FakeList(int count, bool sendsTotal = true, bool completeAtOnce = true)
        {
            _count = count;
            _sendsTotal = sendsTotal;
            _completeAtOnce = completeAtOnce;
        }

        public List<int> Requested { get; } = new();
        public int? FailPage { get; set; }

        public Task<Page<int>> Fetch(int pageNo, int pageSize)
        {
            Requested.Add(pageNo);
            var done = new TaskCompletionSource<Page<int>>(TaskCreationOptions.RunContinuationsAsynchronously);
            void Complete()
            {
                if (pageNo == FailPage) { done.SetException(new InvalidOperationException("page " + pageNo + " broke")); return; }
                int start = (pageNo - 1) * pageSize;
                var items = Enumerable.Range(start, Math.Max(0, Math.Min(pageSize, _count - start))).ToList();
                done.SetResult(new Page<int>(items, _sendsTotal ? _count : null));
            }
            if (_completeAtOnce) Complete();
            else _pending.Enqueue(Complete);
            return done.Task;
        }

        /// <summary>The consumer's idle callback: the oldest request in flight completes (the test decides when pages arrive).</summary>
        public void CompleteOldest()
        {
            if (_pending.Count > 0) _pending.Dequeue()();
        }
    }

    private static Pager<int> PagerOver(FakeList list, int pageSize, ulong skip = 0, ulong first = ulong.MaxValue, int maxInFlight = Pager<int>.DefaultMaxInFlight)
        => new((page, _) => list.Fetch(page, pageSize), pageSize, skip, first, CancellationToken.None, maxInFlight);

    [Fact]
    public void GivesEveryItemInOrder_OneRequestPerPage_NoneAfterTheTotal()
    {
        var list = new FakeList(120);
        using var pager = PagerOver(list, 50);
        Assert.Equal(Enumerable.Range(0, 120), pager.Items(() => { }).ToList());
        Assert.Equal(new[] { 1, 2, 3 }, list.Requested);
        Assert.Equal(120, pager.Total);
        Assert.Equal(120, pager.Written);
    }

    [Fact]
    public void AFullLastPageIsTheLast_WhenTheTotalSaysSo()
    {
        var list = new FakeList(100);
        using var pager = PagerOver(list, 50);
        Assert.Equal(100, pager.Items(() => { }).Count());
        Assert.Equal(new[] { 1, 2 }, list.Requested);
    }

    [Fact]
    public void FirstThree_SendsOneRequest()
    {
        var list = new FakeList(10_000);
        using var pager = PagerOver(list, 50, first: 3);
        Assert.Equal(new[] { 0, 1, 2 }, pager.Items(() => { }).ToList());
        Assert.Equal(new[] { 1 }, list.Requested);
    }

    [Fact]
    public void AConsumerThatStopsAfterThree_CostsAtMostTwoRequests()
    {
        var list = new FakeList(10_000);
        using var pager = PagerOver(list, 50);
        Assert.Equal(new[] { 0, 1, 2 }, pager.Items(() => { }).Take(3).ToList());
        Assert.InRange(list.Requested.Count, 1, 2);
        Assert.Equal(1, list.Requested[0]);
    }

    [Theory]
    [InlineData(120UL, 10UL, new[] { 3 }, 120)]      // inside one page: that page only
    [InlineData(45UL, 10UL, new[] { 1, 2 }, 45)]     // across a page boundary
    [InlineData(50UL, 50UL, new[] { 2 }, 50)]        // exactly one page
    public void SkipAndFirst_RequestOnlyThePagesHoldingTheWantedItems(ulong skip, ulong first, int[] pages, int firstItem)
    {
        var list = new FakeList(10_000);
        using var pager = PagerOver(list, 50, skip, first);
        Assert.Equal(Enumerable.Range(firstItem, (int)first), pager.Items(() => { }).ToList());
        Assert.Equal(pages, list.Requested);
    }

    [Fact]
    public void SkipPastTheEnd_GivesNothing_AfterOneRequest_AndStillKnowsTheTotal()
    {
        var list = new FakeList(30);
        using var pager = PagerOver(list, 50, skip: 500);
        Assert.Empty(pager.Items(() => { }));
        Assert.Equal(new[] { 11 }, list.Requested);
        Assert.Equal(30, pager.Total);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void NeverMoreThanMaxInFlightPagesAhead_AndTheSecondIsRequestedBeforeTheFirstIsConsumed(int maxInFlight)
    {
        var list = new FakeList(1_000, completeAtOnce: false);
        using var pager = PagerOver(list, 10, maxInFlight: maxInFlight);
        var seen = new List<int>();
        int requestedWhenFirstItemSeen = 0;
        int mostAhead = 0;
        foreach (int item in pager.Items(list.CompleteOldest))
        {
            if (seen.Count == 0) requestedWhenFirstItemSeen = list.Requested.Count;
            seen.Add(item);
            // Pages requested past the one being written (item / 10 + 1), answered or not.
            mostAhead = Math.Max(mostAhead, list.Requested.Count - (item / 10 + 1));
        }
        Assert.Equal(Enumerable.Range(0, 1_000), seen);
        Assert.Equal(2, requestedWhenFirstItemSeen);      // page 2 is on its way while page 1 is written
        Assert.Equal(maxInFlight, mostAhead);              // later that many pages ahead, never more
        Assert.Equal(Enumerable.Range(1, 100), list.Requested);
    }

    [Fact]
    public void ByDefault_ThreePagesAhead_ReachedOnlyAfterTheSecondPageIsTaken()
    {
        // Three share a page's round trip and the work around it (docs/internals.md, "Pages in flight").
        Assert.Equal(3, Pager<int>.DefaultMaxInFlight);
        var list = new FakeList(1_000, completeAtOnce: false);
        using var pager = PagerOver(list, 10);
        var requestedAtPageStart = new List<int>();
        int seen = 0;
        foreach (int item in pager.Items(list.CompleteOldest))
        {
            if (seen % 10 == 0) requestedAtPageStart.Add(list.Requested.Count);
            if (++seen == 50) break;
        }
        // While page 1 is written, page 2 is asked for; while page 2 is, pages 3 and 4; from then on three ahead.
        Assert.Equal(new[] { 2, 4, 6, 7, 8 }, requestedAtPageStart);
    }

    [Fact]
    public void WithoutATotal_AShortPageEndsTheListing()
    {
        var list = new FakeList(73, sendsTotal: false);
        using var pager = PagerOver(list, 10);
        Assert.Equal(73, pager.Items(() => { }).Count());
        Assert.Null(pager.Total);
        Assert.Equal(Enumerable.Range(1, 8), list.Requested.Take(8));
        // Pages ahead are asked for before the short one is seen: at most MaxInFlight - 1 past it (then dropped).
        Assert.True(list.Requested.Max() <= 8 + Pager<int>.DefaultMaxInFlight - 1, "at most two pages past the short one were asked for ahead");
    }

    [Fact]
    public void WithoutATotal_AnEmptyPageEndsTheListing()
    {
        var list = new FakeList(20, sendsTotal: false);
        using var pager = PagerOver(list, 10);
        Assert.Equal(20, pager.Items(() => { }).Count());
        Assert.Contains(3, list.Requested);
    }

    [Fact]
    public void AFailedPage_EndsTheListingAfterTheItemsBeforeIt_SayingWhereToResume()
    {
        var list = new FakeList(1_000) { FailPage = 4 };
        using var pager = PagerOver(list, 50, skip: 20);
        var seen = new List<int>();
        var failure = Assert.Throws<PageFailedException>(() => { foreach (int item in pager.Items(() => { })) seen.Add(item); });
        Assert.Equal(Enumerable.Range(20, 130), seen);   // pages 1 (from item 20), 2 and 3
        Assert.Equal(4, failure.PageNo);
        Assert.Equal(130, failure.ItemsWritten);
        Assert.Equal(150UL, failure.ResumeSkip);
        Assert.IsType<InvalidOperationException>(failure.InnerException);
        Assert.Contains("page 4 broke", failure.Message);
    }

    [Fact]
    public void ReadTotal_BeforeTheItems_CostsNoExtraRequest()
    {
        var list = new FakeList(120);
        using var pager = PagerOver(list, 50, first: 70);
        Assert.Equal(120, pager.ReadTotal(() => { }));
        Assert.Equal(Enumerable.Range(0, 70), pager.Items(() => { }).ToList());
        Assert.Equal(new[] { 1, 2 }, list.Requested);
    }

    [Fact]
    public void FirstZero_GivesNothing_AndReadsTheTotalWithOneRequestOnlyWhenAsked()
    {
        var list = new FakeList(120);
        using (var pager = PagerOver(list, 50, first: 0))
        {
            Assert.Empty(pager.Items(() => { }));
            Assert.Empty(list.Requested);
        }
        using (var pager = PagerOver(list, 50, first: 0))
        {
            Assert.Equal(120, pager.ReadTotal(() => { }));
            Assert.Empty(pager.Items(() => { }));
            Assert.Equal(new[] { 1 }, list.Requested);
        }
    }

    [Fact]
    public void Cancellation_EndsTheWait()
    {
        using var cancel = new CancellationTokenSource();
        var never = new TaskCompletionSource<Page<int>>();
        using var pager = new Pager<int>((_, _) => never.Task, 10, 0, ulong.MaxValue, cancel.Token);
        Assert.ThrowsAny<OperationCanceledException>(() => pager.Items(() => cancel.Cancel()).ToList());
    }

    [Fact]
    public void RefusesASkipBeyondTheLastPageNumber()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Pager<int>((_, _) => Task.FromResult(new Page<int>(new int[0], 0)), 1, (ulong)int.MaxValue + 5, 1, CancellationToken.None));
    }
}
