using System;
using System.Globalization;
using Pandapon.Api;

namespace Pandapon.Client
{
    /// <summary>The outcome of <see cref="RetryPolicy.Decide"/>: whether to send again, after how long, and why.</summary>
    public readonly struct RetryDecision
    {
        public RetryDecision(bool retry, TimeSpan delay, string reason, string? noteIfNotRetried)
        {
            Retry = retry;
            Delay = delay;
            Reason = reason;
            NoteIfNotRetried = noteIfNotRetried;
        }

        public bool Retry { get; }
        public TimeSpan Delay { get; }

        /// <summary>The failure in a few words, for Verbose: "HTTP 503, code 50001", "a timeout".</summary>
        public string Reason { get; }

        /// <summary>A sentence for the error message when the request is not retried for a reason the user should know.</summary>
        public string? NoteIfNotRetried { get; }
    }

    /// <summary>
    /// When to retry and how long to wait. Only idempotent requests are retried, and only after a rate limit (429),
    /// a server error (5xx), a timeout or a broken connection; never after an authentication refusal (40101-40106)
    /// or any other 4xx. The wait grows exponentially with "equal jitter" (between half and all of
    /// base × 2^(retry-1), capped), and is never shorter than the server's Retry-After.
    /// </summary>
    public sealed class RetryPolicy
    {
        public static readonly RetryPolicy Default = new RetryPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(120));

        private static readonly Random SharedRandom = new Random();
        private readonly Func<double> _random;

        /// <param name="baseDelay">The longest wait before the first retry.</param>
        /// <param name="maxDelay">The longest wait the back-off itself reaches.</param>
        /// <param name="maxRetryAfter">A server asking to wait longer than this is not retried: the error says how long it asked.</param>
        /// <param name="random">A source of [0, 1) for the jitter; tests pass a fixed one.</param>
        public RetryPolicy(TimeSpan baseDelay, TimeSpan maxDelay, TimeSpan maxRetryAfter, Func<double>? random = null)
        {
            if (baseDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(baseDelay));
            if (maxDelay < baseDelay) throw new ArgumentOutOfRangeException(nameof(maxDelay));
            BaseDelay = baseDelay;
            MaxDelay = maxDelay;
            MaxRetryAfter = maxRetryAfter;
            _random = random ?? NextShared;
        }

        public TimeSpan BaseDelay { get; }
        public TimeSpan MaxDelay { get; }
        public TimeSpan MaxRetryAfter { get; }

        /// <summary>Whether this kind of failure is worth another attempt at all.</summary>
        public static bool IsTransient(PandaponApiException failure)
        {
            switch (failure.Kind)
            {
                case ApiErrorKind.RateLimited:
                case ApiErrorKind.Server:
                case ApiErrorKind.Timeout:
                case ApiErrorKind.Network:
                    return true;
                case ApiErrorKind.InvalidResponse:
                    // A body cut off in transit (or a proxy's page with a 200) is worth another try; well-formed JSON
                    // of the wrong shape would only fail again.
                    return failure.BodyNotJson;
                default:
                    return false;
            }
        }

        /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first), at least <paramref name="retryAfter"/>.</summary>
        public TimeSpan DelayBeforeRetry(int retry, TimeSpan? retryAfter = null)
        {
            if (retry < 1) throw new ArgumentOutOfRangeException(nameof(retry), retry, "Retries count from 1.");
            double ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30)));
            double jittered = ceiling / 2 + _random() * ceiling / 2;
            var delay = TimeSpan.FromMilliseconds(Math.Round(jittered));
            return retryAfter is TimeSpan asked && asked > delay ? asked : delay;
        }

        /// <summary>What to do after attempt number <paramref name="attempt"/> (1 for the first) of <paramref name="request"/> failed.</summary>
        public RetryDecision Decide(ApiRequest request, PandaponApiException failure, int attempt)
        {
            string reason = Describe(failure);
            if (!IsTransient(failure)) return new RetryDecision(false, TimeSpan.Zero, reason, null);
            if (!request.Idempotent)
            {
                string note = failure.MayHaveTakenEffect
                    ? $"It was not retried because {request.Method} {request.Path} is not idempotent: it may or may not have taken effect on the server."
                    : $"It was not retried because {request.Method} {request.Path} is not idempotent.";
                return new RetryDecision(false, TimeSpan.Zero, reason, note);
            }
            if (attempt > request.MaxRetries) return new RetryDecision(false, TimeSpan.Zero, reason, null);
            if (failure.RetryAfter is TimeSpan asked && asked > MaxRetryAfter)
            {
                return new RetryDecision(false, TimeSpan.Zero, reason,
                    $"The server asked to wait {Seconds(asked)} s before trying again, longer than the {Seconds(MaxRetryAfter)} s Pandapon waits by itself.");
            }
            return new RetryDecision(true, DelayBeforeRetry(attempt, failure.RetryAfter), reason, null);
        }

        private static string Describe(PandaponApiException failure)
        {
            switch (failure.Kind)
            {
                case ApiErrorKind.Timeout: return "a timeout";
                case ApiErrorKind.Network: return "a connection failure";
                case ApiErrorKind.InvalidResponse when failure.BodyNotJson: return "a response that is not valid JSON";
            }
            string text = failure.HttpStatus is int status ? "HTTP " + status.ToString(CultureInfo.InvariantCulture) : failure.Kind.ToString();
            if (failure.Code is int code) text += ", code " + code.ToString(CultureInfo.InvariantCulture);
            if (failure.RetryAfter is TimeSpan after) text += ", Retry-After " + Seconds(after) + " s";
            return text;
        }

        internal static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

        private static double NextShared()
        {
            lock (SharedRandom) return SharedRandom.NextDouble();
        }
    }
}
