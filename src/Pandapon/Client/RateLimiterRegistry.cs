using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Pandapon.Client
{
    /// <summary>
    /// The rate limiters of the process, one per endpoint and access key, shared by every cmdlet call and every runspace
    /// (the module's assembly is loaded once per process, so ForEach-Object -Parallel shares it too). The client asks it
    /// before each attempt (<see cref="WaitAsync"/>) and tells it each answer.
    /// </summary>
    public sealed class RateLimiterRegistry
    {
        /// <summary>"0" (or "false", "off") switches the adaptive part off: only a configured maximum limits, 429s are retried per request.</summary>
        public const string AdaptiveVariable = "PANDAPON_ADAPTIVE_RATE";

        public static readonly RateLimiterRegistry Shared = new RateLimiterRegistry(StopwatchClock(), Environment.GetEnvironmentVariable);

        private readonly ConcurrentDictionary<string, RateLimiter> _limiters = new ConcurrentDictionary<string, RateLimiter>(StringComparer.Ordinal);
        private readonly ConditionalWeakTable<IRequestLog, object> _toldLogs = new ConditionalWeakTable<IRequestLog, object>();
        private readonly Func<TimeSpan> _clock;
        private readonly Func<string, string?> _environment;

        /// <param name="clock">Monotonic time for every limiter; tests pass a fake one.</param>
        /// <param name="environment">Reads <see cref="AdaptiveVariable"/>.</param>
        public RateLimiterRegistry(Func<TimeSpan> clock, Func<string, string?> environment)
        {
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        }

        /// <summary>Whether 429s teach the limiters (the environment may switch it off for the whole process).</summary>
        public bool AdaptiveEnabled
        {
            get
            {
                string? value = _environment(AdaptiveVariable)?.Trim();
                return !(value == "0" || string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "off", StringComparison.OrdinalIgnoreCase));
            }
        }

        /// <summary>The limiter of <paramref name="credential"/>'s endpoint and access key, set to its maximum and to the adaptive switch.</summary>
        public RateLimiter For(ApiCredential credential)
        {
            string key = credential.Endpoint.AbsoluteUri + "\n" + credential.AccessKey;
            bool adaptive = AdaptiveEnabled;
            double? maximum = credential.MaxRequestsPerSecond > 0 ? credential.MaxRequestsPerSecond : null;
            RateLimiter limiter = _limiters.GetOrAdd(key, _ => new RateLimiter(_clock, maximum, adaptive));
            limiter.Configure(maximum, adaptive);
            return limiter;
        }

        /// <summary>
        /// Waits for <paramref name="limiter"/> to let one request through and returns when it went, on the limiter's clock.
        /// The first wait of a cmdlet call (one <paramref name="log"/>) says so in Verbose, once.
        /// </summary>
        public async Task<TimeSpan> WaitAsync(RateLimiter limiter, string operation, IRequestLog? log,
            Func<TimeSpan, CancellationToken, Task> sleep, CancellationToken cancellationToken)
        {
            if (!limiter.IsLimiting) return _clock();
            while (true)
            {
                RateLimitReservation place = limiter.Reserve();
                if (place.Wait <= TimeSpan.Zero) return place.SendAt;
                if (log != null && TellOnce(log))
                    log.Verbose($"{operation}: waiting for the rate limit of this access key ({limiter.Describe()}); requests of this call take their turn with every other call using the key.");
                await sleep(place.Wait, cancellationToken).ConfigureAwait(false);
                if (limiter.IsCurrent(place)) return place.SendAt;
            }
        }

        private bool TellOnce(IRequestLog log)
        {
            lock (_toldLogs)
            {
                if (_toldLogs.TryGetValue(log, out _)) return false;
                _toldLogs.Add(log, new object());
                return true;
            }
        }

        private static Func<TimeSpan> StopwatchClock()
        {
            var watch = Stopwatch.StartNew();
            return () => watch.Elapsed;
        }
    }
}
