using System;
using System.Globalization;

namespace Pandapon.Client
{
    /// <summary>A place in the queue of a <see cref="RateLimiter"/>: how long to wait before sending, and the limiter's state it was given in.</summary>
    public readonly struct RateLimitReservation
    {
        internal RateLimitReservation(TimeSpan wait, long generation, TimeSpan sendAt)
        {
            Wait = wait;
            Generation = generation;
            SendAt = sendAt;
        }

        /// <summary>How long to wait before sending; zero to send at once.</summary>
        public TimeSpan Wait { get; }

        internal long Generation { get; }

        /// <summary>When the request goes out, on the limiter's clock; a 429 to a request sent before the last drop drops nothing.</summary>
        public TimeSpan SendAt { get; }
    }

    /// <summary>
    /// A token bucket whose rate adapts to the server's 429s (the idea of AWS's "adaptive" retry mode, with our curve).
    /// It starts unlimited (or at the configured maximum). On a 429 it drops its rate to <see cref="Beta"/> × the
    /// plateau, the plateau being <see cref="PlateauShare"/> of the rate the server accepted in the second before (when
    /// at least <see cref="EdgeShare"/> of the last second's answers were not 429s, the 429 is noise at the edge of the
    /// limit, or a fault, and the plateau only loses <see cref="EdgeStep"/> at most). It then climbs back on a CUBIC curve: concave up to the plateau in K seconds
    /// (K = cbrt(plateau × (1 − Beta) / <see cref="ApproachC"/>)), then a slow convex probe above it
    /// (plateau × (1 + ((t − K) / <see cref="ProbeSeconds"/>)³): +3.7 % after 20 s, double after 60 s), so a limit
    /// that was raised is found again without knocking on the server every few seconds. A 429 to a request sent before
    /// the last drop belongs to the same event and drops nothing more (as TCP reduces once per window).
    /// Retry-After: the throttled request's own retry always waits it (RetryPolicy). Every sender waits it too when the
    /// 429 answers a request sent before the limiter was limiting (a burst that filled the server's window), or when it
    /// asks for more than <see cref="KeyWidePauseAbove"/> (a per-second window never needs more; more means "stop").
    /// All times come from the injected clock; callers serialize through one lock.
    /// </summary>
    public sealed class RateLimiter
    {
        /// <summary>The highest maximum a setting may give (a parameter, a profile, PANDAPON_MAX_RPS).</summary>
        public const double MaxConfigurableRate = 100000;

        /// <summary>
        /// The share of the plateau the rate drops to on a 429. Gentler than TCP's and AWS's 0.7: the plateau already sits
        /// 5 % under the accepted rate, so a deep cut would only lose throughput.
        /// </summary>
        public const double Beta = 0.9;

        /// <summary>The plateau's loss on a 429 that came while at least <see cref="EdgeShare"/> of the answers were accepted.</summary>
        public const double EdgeStep = 0.01;

        /// <summary>See <see cref="EdgeStep"/>: random 429s (a fault, another client's burst) must not drag the rate to the floor.</summary>
        public const double EdgeShare = 0.9;

        /// <summary>
        /// A 429 among fewer answers than this in the last second teaches nothing (Retry-After is still honoured): too
        /// little to measure a rate from, and a rate learned from it would pin a starting batch near the floor.
        /// </summary>
        public const int MinimumEvidence = 10;

        /// <summary>A Retry-After up to this pauses only the throttled request; a longer one pauses every sender.</summary>
        public static readonly TimeSpan KeyWidePauseAbove = TimeSpan.FromSeconds(1);

        /// <summary>The CUBIC constant of the climb to the plateau, in requests/s per s³ (AWS's 0.4).</summary>
        public const double ApproachC = 0.4;

        /// <summary>The share of the last accepted rate the climb aims at: just under the limit, so the bucket's burst stays inside it.</summary>
        public const double PlateauShare = 0.97;

        /// <summary>The time scale of the probe above the plateau.</summary>
        public const double ProbeSeconds = 60;

        /// <summary>The lowest rate a drop reaches (AWS's minimum fill rate).</summary>
        public const double MinimumRate = 0.5;

        /// <summary>The burst the bucket holds, as time at its rate (at least one request).</summary>
        public const double BurstSeconds = 0.02;

        private const int WindowSlots = 10;
        private static readonly double SlotSeconds = 1.0 / WindowSlots;

        private readonly object _gate = new object();
        private readonly Func<TimeSpan> _clock;
        // One slot more than the second holds: the oldest, partly covered slot is still counted (see InLastSecond).
        private readonly long[] _slotIndex = new long[WindowSlots + 1];
        private readonly int[] _slotAccepted = new int[WindowSlots + 1];
        private readonly int[] _slotThrottled = new int[WindowSlots + 1];

        private double? _maximum;
        private bool _adaptive;
        private bool _learned;            // a 429 has set the curve
        private double _plateau;
        private double _k;                // seconds from the drop to the plateau
        private double _dropAt = double.NegativeInfinity;
        private double _limitingSince = double.PositiveInfinity;   // a request sent before this went unlimited
        private double _tokens;
        private double _refilledAt;       // never before the end of a pause
        private double _pausedUntil = double.NegativeInfinity;
        private long _generation;

        /// <param name="clock">Monotonic time; tests pass a fake one.</param>
        /// <param name="maximum">The configured maximum rate; null for none.</param>
        /// <param name="adaptive">Whether 429s pause and slow the limiter.</param>
        public RateLimiter(Func<TimeSpan> clock, double? maximum = null, bool adaptive = true)
        {
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            Configure(maximum, adaptive);
            _refilledAt = Now();
            _tokens = Capacity(CurrentRate(_refilledAt));
        }

        /// <summary>Sets the configured maximum (null: adaptive only) and whether 429s teach the limiter; the latest caller's settings apply.</summary>
        public void Configure(double? maximum, bool adaptive)
        {
            if (maximum is double m && !(m > 0)) throw new ArgumentOutOfRangeException(nameof(maximum), maximum, "The maximum rate must be above 0 (null for none).");
            lock (_gate)
            {
                _maximum = maximum;
                _adaptive = adaptive;
                if (maximum != null && double.IsPositiveInfinity(_limitingSince)) _limitingSince = Now();
            }
        }

        /// <summary>Whether a request could have to wait at all; false lets the caller skip the queue (nothing configured, nothing learned).</summary>
        public bool IsLimiting
        {
            get
            {
                lock (_gate) return _maximum != null || (_adaptive && (_learned || _pausedUntil > Now()));
            }
        }

        /// <summary>The rate requests are let through now, in requests/s; +∞ when unlimited.</summary>
        public double Rate
        {
            get
            {
                lock (_gate) return CurrentRate(Now());
            }
        }

        /// <summary>Why it limits, in words, for Verbose.</summary>
        public string Describe()
        {
            lock (_gate)
            {
                double now = Now();
                string rate = CurrentRate(now).ToString("0.#", CultureInfo.InvariantCulture);
                if (_adaptive && _pausedUntil > now)
                    return $"the server asked to wait (Retry-After) {(_pausedUntil - now).ToString("0.#", CultureInfo.InvariantCulture)} s; then {rate} requests/s";
                if (_adaptive && _learned && (_maximum == null || CurrentRate(now) < _maximum))
                    return $"{rate} requests/s, learned from the server's 429 answers";
                return $"{rate} requests/s, the configured maximum";
            }
        }

        /// <summary>Takes a place in the queue. Wait <see cref="RateLimitReservation.Wait"/>, then check <see cref="IsCurrent"/>: a 429 in between cancels every place given before it.</summary>
        public RateLimitReservation Reserve()
        {
            lock (_gate)
            {
                double now = Now();
                double rate = CurrentRate(now);
                if (double.IsPositiveInfinity(rate) && _pausedUntil <= now)
                    return new RateLimitReservation(TimeSpan.Zero, _generation, TimeSpan.FromSeconds(now));
                Refill(now, rate);
                _tokens -= 1;
                double start = Math.Max(now, _refilledAt);
                double wait = start - now + (_tokens < 0 ? -_tokens / rate : 0);
                return new RateLimitReservation(TimeSpan.FromSeconds(wait), _generation, TimeSpan.FromSeconds(now + wait));
            }
        }

        /// <summary>False when a 429 came after the reservation was given: reserve again.</summary>
        public bool IsCurrent(RateLimitReservation reservation)
        {
            lock (_gate) return reservation.Generation == _generation;
        }

        /// <summary>The server answered without a rate limit: counts towards the accepted rate a drop starts from.</summary>
        public void OnAccepted()
        {
            lock (_gate) _slotAccepted[Slot(Now())]++;
        }

        /// <summary>
        /// The server answered 429 to a request sent at <paramref name="sentAt"/>: pause everyone for <paramref name="retryAfter"/>
        /// and, unless this 429 belongs to an event already counted, drop the rate. Nothing when the adaptive part is off.
        /// </summary>
        public void OnThrottled(TimeSpan sentAt, TimeSpan? retryAfter)
        {
            lock (_gate)
            {
                if (!_adaptive) return;
                double now = Now();
                _slotThrottled[Slot(now)]++;
                bool changed = false;
                bool sentUnlimited = sentAt.TotalSeconds < _limitingSince;
                if (retryAfter is TimeSpan asked && asked > TimeSpan.Zero && (sentUnlimited || asked > KeyWidePauseAbove)
                    && now + asked.TotalSeconds > _pausedUntil)
                {
                    _pausedUntil = now + asked.TotalSeconds;
                    changed = true;
                }
                double accepted = InLastSecond(now, _slotAccepted);
                double throttled = InLastSecond(now, _slotThrottled);
                if (sentAt.TotalSeconds >= _dropAt && accepted + throttled >= MinimumEvidence)
                {
                    double current = CurrentRate(now);
                    double basis = Math.Max(MinimumRate, double.IsPositiveInfinity(current) ? accepted : Math.Min(accepted, current));
                    _plateau = _learned && accepted >= EdgeShare * (accepted + throttled)
                        ? Math.Max((1 - EdgeStep) * _plateau, PlateauShare * basis)
                        : PlateauShare * basis;
                    if (double.IsPositiveInfinity(_limitingSince)) _limitingSince = now;
                    _k = Math.Pow(_plateau * (1 - Beta) / ApproachC, 1.0 / 3);
                    _dropAt = now;
                    _learned = true;
                    changed = true;
                }
                if (!changed) return;
                // Every place in the queue was given at the old rate: requeue everyone; one request may go when the pause ends.
                _tokens = 1;
                _refilledAt = Math.Max(now, _pausedUntil);
                _generation++;
            }
        }

        private double Now() => _clock().TotalSeconds;

        private double CurrentRate(double now)
        {
            double rate = double.PositiveInfinity;
            if (_adaptive && _learned)
            {
                double t = Math.Max(0, now - _dropAt);
                rate = t < _k
                    ? ApproachC * Math.Pow(t - _k, 3) + _plateau
                    : _plateau * (1 + Math.Pow((t - _k) / ProbeSeconds, 3));
                rate = Math.Max(MinimumRate, rate);
            }
            return _maximum is double m ? Math.Min(m, rate) : rate;
        }

        private static double Capacity(double rate) => double.IsPositiveInfinity(rate) ? 1 : Math.Max(1, rate * BurstSeconds);

        private void Refill(double now, double rate)
        {
            if (now <= _refilledAt) return;
            _tokens = Math.Min(Capacity(rate), _tokens + (now - _refilledAt) * rate);
            _refilledAt = now;
        }

        /// <summary>The slot of <paramref name="now"/>, emptied first when it last held an older tenth of a second.</summary>
        private int Slot(double now)
        {
            long index = (long)Math.Floor(now / SlotSeconds);
            int slot = (int)(index % (WindowSlots + 1));
            if (_slotIndex[slot] != index)
            {
                _slotIndex[slot] = index;
                _slotAccepted[slot] = 0;
                _slotThrottled[slot] = 0;
            }
            return slot;
        }

        private double InLastSecond(double now, int[] counts)
        {
            // Whole slots inside (now - 1 s, now], plus the share of the oldest slot the window still covers.
            long current = (long)Math.Floor(now / SlotSeconds);
            double total = 0;
            for (int slot = 0; slot <= WindowSlots; slot++)
            {
                long index = _slotIndex[slot];
                if (index > current - WindowSlots && index <= current) total += counts[slot];
                else if (index == current - WindowSlots)
                    total += counts[slot] * Math.Max(0, Math.Min(1, ((index + 1) * SlotSeconds - (now - 1)) / SlotSeconds));
            }
            return total;
        }
    }
}
