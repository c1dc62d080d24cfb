using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Pandapon.Client;

namespace Pandapon.Batching
{
    /// <summary>
    /// Walks a paged list lazily, for any endpoint that answers a page number with a <see cref="Page{T}"/>. What a
    /// PowerShell user asks with -Skip and -First becomes a range of pages: the listing starts at the page holding item
    /// <c>skip</c> and never asks for a page past the one holding item <c>skip + first - 1</c>, nor past the total the
    /// server gave, nor after a short page. Pages are fetched ahead of the consumer, but only as far as it has shown it
    /// wants: the first page alone, then one page ahead while the first is consumed, then up to
    /// <see cref="MaxInFlight"/> (so <c>| Select-Object -First 3</c> costs at most two requests, and a long listing never
    /// waits on a page it could have had). Memory holds at most the page being consumed and those in flight.
    /// Not thread-safe: one consumer (the pipeline thread). Waits run in steps of <see cref="IdleStep"/>, calling the
    /// consumer's <c>idle</c> between them (a cmdlet writes its Verbose lines there).
    /// </summary>
    public sealed class Pager<T> : IDisposable
    {
        /// <summary>
        /// Most pages requested and not yet consumed. A page costs the network's round trip plus the server's and our
        /// own work on it, and is written only in order, so a page that answers early waits for the one before it:
        /// with two in flight a listing took about (round trip + work) / 2 a page, not the round trip's half; three
        /// take about a third (docs/internals.md, "Pages in flight"). Memory still holds at most four pages.
        /// </summary>
        public const int DefaultMaxInFlight = 3;

        /// <summary>How long one wait lasts before <c>idle</c> runs again.</summary>
        public static readonly TimeSpan IdleStep = TimeSpan.FromMilliseconds(100);

        private readonly Func<int, CancellationToken, Task<Page<T>>> _fetch;
        private readonly CancellationTokenSource _stop;
        private readonly Queue<(int PageNo, Task<Page<T>> Work)> _inFlight = new Queue<(int, Task<Page<T>>)>();
        private readonly int _pageSize;
        private readonly ulong _skip;
        private readonly ulong _first;
        private readonly int _firstPageNo;
        private readonly int _skipInFirstPage;
        private int _nextPageNo;
        private int _pagesTaken;
        private bool _ended;
        private Page<T>? _firstPage;

        /// <param name="fetch">Requests and reads page n (from 1); a failure (after its own retries) ends the listing.</param>
        /// <param name="pageSize">Items per page, as the request asks for them (at least 1).</param>
        /// <param name="skip">Items of the list to pass over (-Skip).</param>
        /// <param name="first">Most items to give out (-First; <see cref="ulong.MaxValue"/> for all).</param>
        /// <param name="cancellation">Ctrl+C: ends the waits and the requests.</param>
        /// <param name="maxInFlight">Most pages requested ahead of the consumer (at least 1).</param>
        public Pager(Func<int, CancellationToken, Task<Page<T>>> fetch, int pageSize, ulong skip, ulong first, CancellationToken cancellation,
            int maxInFlight = DefaultMaxInFlight)
        {
            if (pageSize < 1) throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A page holds at least one item.");
            if (maxInFlight < 1) throw new ArgumentOutOfRangeException(nameof(maxInFlight), maxInFlight, "At least one page must be allowed in flight.");
            ulong firstPageNo = skip / (ulong)pageSize + 1;
            if (firstPageNo > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(skip), skip, "The items to skip lie beyond the last page number a request can name.");
            _fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
            _pageSize = pageSize;
            _skip = skip;
            _first = first;
            _firstPageNo = (int)firstPageNo;
            _skipInFirstPage = (int)(skip % (ulong)pageSize);
            _nextPageNo = _firstPageNo;
            MaxInFlight = maxInFlight;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        }

        public int MaxInFlight { get; }

        /// <summary>The list's total as the latest page gave it; null before the first page, or when the server does not say.</summary>
        public long? Total { get; private set; }

        /// <summary>Items given out so far.</summary>
        public long Written { get; private set; }

        /// <summary>Pages requested so far (for tests and Verbose).</summary>
        public int PagesRequested { get; private set; }

        /// <summary>
        /// Fetches the first page now if it has not been (the consumer wants the total before any item:
        /// -IncludeTotalCount) and returns the total; null when the server gave none. Costs no extra request: the page
        /// is kept for <see cref="Items"/>. With -First 0 it is the one request made.
        /// </summary>
        public long? ReadTotal(Action idle)
        {
            if (_firstPage == null && !_ended)
            {
                if (_inFlight.Count == 0) Request(_nextPageNo);
                _firstPage = Take(idle);
            }
            return Total;
        }

        /// <summary>
        /// The items, fetched as they are wanted. A page that fails throws <see cref="PageFailedException"/> (after the
        /// items before it); cancellation throws <see cref="OperationCanceledException"/>. Stopping early (the consumer
        /// disposes the enumerator) cancels the pages still in flight.
        /// </summary>
        public IEnumerable<T> Items(Action idle)
        {
            if (_first == 0) yield break;
            try
            {
                while (true)
                {
                    Page<T>? page = _firstPage;
                    _firstPage = null;
                    if (page == null)
                    {
                        if (_inFlight.Count == 0 && !TopUp()) yield break;
                        if (_inFlight.Count == 0) yield break;
                        page = Take(idle);
                    }
                    int start = _pagesTaken == 1 ? _skipInFirstPage : 0;
                    for (int i = start; i < page.Items.Count; i++)
                    {
                        if ((ulong)Written >= _first) yield break;
                        Written++;
                        yield return page.Items[i];
                    }
                    if ((ulong)Written >= _first || _ended && _inFlight.Count == 0) yield break;
                }
            }
            finally
            {
                _stop.Cancel();
            }
        }

        /// <summary>Waits for the oldest page in flight, notes what it says of the list's end, and asks for more as allowed.</summary>
        private Page<T> Take(Action idle)
        {
            var (pageNo, work) = _inFlight.Peek();
            while (!work.IsCompleted)
            {
                idle();
                try
                {
                    work.Wait((int)IdleStep.TotalMilliseconds, _stop.Token);
                }
                catch (AggregateException)
                {
                    // Read from the task below.
                }
            }
            idle();
            _inFlight.Dequeue();
            if (work.IsCanceled) throw new OperationCanceledException(_stop.Token);
            if (work.IsFaulted)
            {
                Exception cause = work.Exception!.InnerExceptions.Count == 1 ? work.Exception.InnerException! : work.Exception;
                if (cause is OperationCanceledException && _stop.IsCancellationRequested) throw cause;
                _ended = true;
                throw new PageFailedException(pageNo, Written, _skip + (ulong)Written, cause);
            }
            Page<T> page = work.Result;
            _pagesTaken++;
            if (page.Total.HasValue) Total = page.Total;
            // A short page is the last; so is one past the total.
            if (page.Items.Count < _pageSize || Total.HasValue && (long)pageNo * _pageSize >= Total.Value) EndAt(pageNo);
            TopUp();
            return page;
        }

        /// <summary>
        /// Requests the next pages while allowed: no more in flight than pages consumed (at least one, at most
        /// <see cref="MaxInFlight"/>), and none past the last page wanted. False when no page is left to ask for.
        /// </summary>
        private bool TopUp()
        {
            int allowed = Math.Min(MaxInFlight, Math.Max(1, _pagesTaken));
            while (!_ended && _inFlight.Count < allowed)
            {
                if (_nextPageNo > LastPageWanted()) _ended = true;
                else Request(_nextPageNo);
            }
            return !_ended || _inFlight.Count > 0;
        }

        /// <summary>The last page holding an item -First and the known total leave wanted.</summary>
        private long LastPageWanted()
        {
            long last = int.MaxValue;
            if (_first != ulong.MaxValue)
            {
                ulong itemsFromFirstPage = (ulong)_skipInFirstPage + Math.Max(1UL, _first);
                last = Math.Min(last, _firstPageNo - 1 + (long)Math.Min((ulong)int.MaxValue, (itemsFromFirstPage + (ulong)_pageSize - 1) / (ulong)_pageSize));
            }
            if (Total.HasValue) last = Math.Min(last, Math.Max(_firstPageNo, (Total.Value + _pageSize - 1) / _pageSize));
            return last;
        }

        private void Request(int pageNo)
        {
            PagesRequested++;
            _nextPageNo = pageNo + 1;
            Task<Page<T>> work;
            try
            {
                work = _fetch(pageNo, _stop.Token);
            }
            catch (Exception e)
            {
                work = Task.FromException<Page<T>>(e);
            }
            _inFlight.Enqueue((pageNo, work));
        }

        /// <summary>No page after <paramref name="pageNo"/>: the ones already requested past it are cancelled and dropped.</summary>
        private void EndAt(int pageNo)
        {
            _ended = true;
            if (_inFlight.Count == 0) return;
            var keep = new List<(int, Task<Page<T>>)>();
            foreach (var item in _inFlight)
                if (item.PageNo <= pageNo) keep.Add(item);
            if (keep.Count == _inFlight.Count) return;
            _inFlight.Clear();
            foreach (var item in keep) _inFlight.Enqueue(item);
        }

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }
}
