using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Pandapon.Batching
{
    /// <summary>One finished item of an <see cref="OrderedBatch{TResult}"/>: its input and either a value or the error.</summary>
    public sealed class BatchResult<TResult>
    {
        internal BatchResult(object? input, TResult value, Exception? error)
        {
            Input = input;
            Value = value;
            Error = error;
        }

        public object? Input { get; }
        public TResult Value { get; }
        public Exception? Error { get; }
    }

    /// <summary>
    /// Runs work items with at most <c>throttleLimit</c> in flight and gives the results back in input order,
    /// each as soon as it and every item before it are done. The caller (the pipeline thread) adds and takes;
    /// only the work itself runs elsewhere. Memory stays bounded: at most <see cref="WindowPerSlot"/> × <c>throttleLimit</c> items are held,
    /// and <see cref="Add"/> blocks for the oldest when that window is full.
    /// </summary>
    public sealed class OrderedBatch<TResult> : IDisposable
    {
        private readonly Queue<(object? Input, Task<TResult> Work)> _window = new Queue<(object?, Task<TResult>)>();
        private readonly SemaphoreSlim _inFlight;
        private readonly int _windowSize;
        private readonly CancellationToken _cancellation;

        /// <summary>
        /// Items held per slot of the throttle. Results leave in input order, so one slow item at the head (a retry
        /// waiting out a back-off, a stall until the timeout) holds back every later result; a wide window lets the
        /// other slots keep working meanwhile, while memory stays bounded (a few hundred small objects at most).
        /// </summary>
        public const int WindowPerSlot = 16;

        public OrderedBatch(int throttleLimit, CancellationToken cancellation)
        {
            if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit), throttleLimit, "The throttle limit must be at least 1.");
            _inFlight = new SemaphoreSlim(throttleLimit, throttleLimit);
            _windowSize = throttleLimit * WindowPerSlot;
            _cancellation = cancellation;
        }

        private int _running;

        /// <summary>Items added and not yet taken.</summary>
        public int Pending => _window.Count;

        /// <summary>Items whose work has started and not ended (on the wire, or waiting out a retry), not those waiting for a slot.</summary>
        public int Running => Volatile.Read(ref _running);

        /// <summary>True when <see cref="Add"/> would block for the oldest item (callers that pump other work wait with <see cref="TakeNext(TimeSpan)"/> first).</summary>
        public bool IsFull => _window.Count >= _windowSize;

        /// <summary>
        /// Starts <paramref name="work"/> for <paramref name="input"/> and returns the results now ready at the head,
        /// in order (blocking for the oldest only when the window is full).
        /// </summary>
        public IReadOnlyList<BatchResult<TResult>> Add(object? input, Func<CancellationToken, Task<TResult>> work)
        {
            var ready = new List<BatchResult<TResult>>();
            while (_window.Count >= _windowSize) ready.Add(TakeHead(block: true)!);
            _window.Enqueue((input, RunThrottled(work)));
            TakeCompleted(ready);
            return ready;
        }

        /// <summary>Returns the results ready at the head without blocking.</summary>
        public IReadOnlyList<BatchResult<TResult>> TakeCompleted()
        {
            var ready = new List<BatchResult<TResult>>();
            TakeCompleted(ready);
            return ready;
        }

        /// <summary>Waits for and returns the next result in input order, or null when none is pending.</summary>
        public BatchResult<TResult>? TakeNext() => _window.Count == 0 ? null : TakeHead(block: true);

        /// <summary>Waits up to <paramref name="timeout"/> for the next result; null when none is ready by then.</summary>
        public BatchResult<TResult>? TakeNext(TimeSpan timeout)
        {
            if (_window.Count == 0) return null;
            var head = _window.Peek().Work;
            try
            {
                if (!head.IsCompleted && !head.Wait((int)Math.Min(int.MaxValue, timeout.TotalMilliseconds), _cancellation)) return null;
            }
            catch (AggregateException)
            {
                // The failure is read from the task below.
            }
            return TakeHead(block: false);
        }

        private void TakeCompleted(List<BatchResult<TResult>> into)
        {
            while (_window.Count > 0 && _window.Peek().Work.IsCompleted) into.Add(TakeHead(block: false)!);
        }

        private BatchResult<TResult>? TakeHead(bool block)
        {
            var (input, work) = _window.Peek();
            if (block)
            {
                try
                {
                    work.Wait(_cancellation);
                }
                catch (AggregateException)
                {
                    // The failure is read from the task below.
                }
            }
            if (!work.IsCompleted) return null;
            _window.Dequeue();
            if (work.Status == TaskStatus.RanToCompletion) return new BatchResult<TResult>(input, work.Result, null);
            Exception error = work.IsCanceled
                ? new OperationCanceledException("The request was cancelled.")
                : work.Exception!.InnerExceptions.Count == 1 ? work.Exception.InnerException! : work.Exception;
            return new BatchResult<TResult>(input, default!, error);
        }

        private async Task<TResult> RunThrottled(Func<CancellationToken, Task<TResult>> work)
        {
            await _inFlight.WaitAsync(_cancellation).ConfigureAwait(false);
            Interlocked.Increment(ref _running);
            try
            {
                return await work(_cancellation).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
                _inFlight.Release();
            }
        }

        public void Dispose() => _inFlight.Dispose();
    }
}
