using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Pandapon.Batching
{
    /// <summary>
    /// The scheduling of a cmdlet's batch, without PowerShell: inputs go into an <see cref="OrderedBatch{TResult}"/>
    /// (at most <c>throttleLimit</c> in flight, results in input order), the <see cref="Progress"/> counts them, and
    /// while the caller must wait (the window is full, or the batch is drained) it waits in short steps, calling
    /// <c>idle</c> between them so the pipeline thread can write Verbose lines and progress meanwhile. The caller
    /// writes each result it gets back. Cancellation surfaces as <see cref="OperationCanceledException"/>.
    /// </summary>
    public sealed class BatchScheduler<TResult> : IDisposable
    {
        /// <summary>How long one wait lasts before <c>idle</c> runs again: a retry's Verbose line shows while its request goes on.</summary>
        public static readonly TimeSpan IdleStep = TimeSpan.FromMilliseconds(100);

        private readonly OrderedBatch<TResult> _batch;
        private readonly Stopwatch _clock = new Stopwatch();

        /// <param name="throttleLimit">At most this many in flight (at least 1).</param>
        /// <param name="cancellation">Ctrl+C: ends the waits and the work.</param>
        /// <param name="elapsed">The batch's clock; null for a stopwatch started at the first input (tests pass a fake one).</param>
        public BatchScheduler(int throttleLimit, CancellationToken cancellation, Func<TimeSpan>? elapsed = null)
        {
            _batch = new OrderedBatch<TResult>(Math.Max(1, throttleLimit), cancellation);
            Progress = new BatchProgress(elapsed ?? (() => _clock.Elapsed), () => _batch.Running);
        }

        public BatchProgress Progress { get; }

        /// <summary>Inputs added and not yet given back.</summary>
        public int Pending => _batch.Pending;

        /// <summary>
        /// Starts <paramref name="work"/> for <paramref name="input"/>; returns the results now ready, in input order.
        /// When the window is full it first waits for the oldest, calling <paramref name="idle"/> between steps.
        /// </summary>
        public IReadOnlyList<BatchResult<TResult>> Add(object? input, Func<CancellationToken, Task<TResult>> work, Action idle)
        {
            // The clock runs from the batch's first input, so the progress delay counts the whole batch.
            if (Progress.Submitted == 0) _clock.Start();
            Progress.InputSubmitted();
            var ready = new List<BatchResult<TResult>>();
            while (_batch.IsFull) ready.Add(Completed(WaitForNext(idle)));
            foreach (BatchResult<TResult> result in _batch.Add(input, work)) ready.Add(Completed(result));
            return ready;
        }

        /// <summary>Waits for the next result in input order (calling <paramref name="idle"/> between steps); null when none is pending.</summary>
        public BatchResult<TResult>? Next(Action idle) => _batch.Pending == 0 ? null : Completed(WaitForNext(idle));

        private BatchResult<TResult> WaitForNext(Action idle)
        {
            while (true)
            {
                idle();
                BatchResult<TResult>? next = _batch.TakeNext(IdleStep);
                if (next != null) return next;
            }
        }

        private BatchResult<TResult> Completed(BatchResult<TResult> result)
        {
            Progress.InputCompleted();
            return result;
        }

        public void Dispose() => _batch.Dispose();
    }
}
