using System;
using System.Threading;
using System.Threading.Tasks;

namespace Pandapon.Batching
{
    /// <summary>
    /// Stops a batch at the first failure that would repeat for every later input (an authentication refusal: the
    /// same key, user id and recipe sign every request). Work wrapped by <see cref="Guard{T}"/> that starts after the
    /// breaker tripped is not run at all: it fails with <see cref="BatchStoppedException"/> before anything is sent.
    /// Work already running finishes. Thread-safe: work runs on worker threads, the pipeline thread reads the counts.
    /// </summary>
    public sealed class BatchBreaker
    {
        private readonly Func<Exception, bool> _trips;
        private readonly int _run;
        private Exception? _cause;
        private int _tripping;
        private int _consecutive;
        private int _notRun;

        /// <param name="trips">Whether a failure trips the breaker.</param>
        /// <param name="run">How many such failures in a row, with no success between, trip it (1: the first).</param>
        public BatchBreaker(Func<Exception, bool> trips, int run = 1)
        {
            _trips = trips ?? throw new ArgumentNullException(nameof(trips));
            _run = Math.Max(1, run);
        }

        /// <summary>The first failure that tripped the breaker; null while the batch may go on.</summary>
        public Exception? Cause => Volatile.Read(ref _cause);

        public bool Tripped => Cause != null;

        /// <summary>How many failures of the tripping kind came back (the cause and the ones already in flight).</summary>
        public int TrippingFailures => Volatile.Read(ref _tripping);

        /// <summary>How many inputs were not run because the breaker had tripped.</summary>
        public int NotRun => Volatile.Read(ref _notRun);

        /// <summary>Counts an input the caller did not even queue because the breaker had tripped.</summary>
        public void CountNotRun() => Interlocked.Increment(ref _notRun);

        /// <summary><paramref name="work"/>, run only while the breaker has not tripped; a tripping failure trips it.</summary>
        public Func<CancellationToken, Task<T>> Guard<T>(Func<CancellationToken, Task<T>> work) => async token =>
        {
            if (Tripped)
            {
                Interlocked.Increment(ref _notRun);
                throw new BatchStoppedException();
            }
            T result;
            try
            {
                result = await work(token).ConfigureAwait(false);
            }
            catch (Exception e) when (_trips(e))
            {
                Interlocked.Increment(ref _tripping);
                if (Interlocked.Increment(ref _consecutive) >= _run) Interlocked.CompareExchange(ref _cause, e, null);
                throw;
            }
            Interlocked.Exchange(ref _consecutive, 0);
            return result;
        };
    }

    /// <summary>The work of an input that was not run because its batch was stopped (see <see cref="BatchBreaker"/>).</summary>
    public sealed class BatchStoppedException : Exception
    {
        public BatchStoppedException()
            : base("Not sent: the batch was stopped by an earlier failure.")
        {
        }
    }
}
