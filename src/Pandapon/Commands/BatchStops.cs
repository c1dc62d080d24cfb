using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Pandapon.Api;
using Pandapon.Batching;

namespace Pandapon.Commands
{
    /// <summary>
    /// The two reasons a batch stops sending before its end, and the one terminating error each ends with: an
    /// authentication refusal, by the server or by the proxy (the same credentials sign every request and the same proxy
    /// credentials carry it: stop at the first, issue 10), and a server that is gone (2 × throttle connections refused
    /// in a row with no success between, issue 15.19).
    /// </summary>
    internal sealed class BatchStops
    {
        private readonly BatchBreaker _refused = new BatchBreaker(IsRefusal);

        /// <summary>A failure every later request of the batch would meet too: the server or the proxy refused the credentials.</summary>
        public static bool IsRefusal(Exception? e)
            => e is PandaponApiException api && (api.Kind == ApiErrorKind.Authentication || api.Kind == ApiErrorKind.ProxyAuthentication);
        private readonly BatchBreaker _unreachable;
        private int _turnedAway;

        public BatchStops(int throttleLimit)
        {
            _unreachable = new BatchBreaker(e => e is PandaponApiException api && api.Kind == ApiErrorKind.Network && !api.MayHaveTakenEffect,
                run: 2 * Math.Max(1, throttleLimit));
        }

        public bool Stopped => _refused.Tripped || _unreachable.Tripped;

        /// <summary><paramref name="work"/>, run only while neither reason has stopped the batch.</summary>
        public Func<CancellationToken, Task<T>> Guard<T>(Func<CancellationToken, Task<T>> work) => _unreachable.Guard(_refused.Guard(work));

        /// <summary>An input that came after the stop and was not queued at all.</summary>
        public void TurnAway() => _turnedAway++;

        /// <summary>
        /// The terminating error: what stopped the batch and how many inputs were not sent, counting the queued work
        /// the breakers stopped and the inputs never queued (an id list bound as a parameter is known whole; from the
        /// pipeline only the input that met the stop is).
        /// </summary>
        public ErrorRecord Record(int submitted, int expectedTotal)
        {
            int notQueued = Math.Max(_turnedAway, expectedTotal - submitted);
            if (!_refused.Tripped)
                return ErrorRecords.FromUnreachable((PandaponApiException)_unreachable.Cause!, _unreachable.TrippingFailures, _unreachable.NotRun + _refused.NotRun + notQueued);
            return ErrorRecords.FromStoppedBatch((PandaponApiException)_refused.Cause!, _refused.TrippingFailures, _refused.NotRun + notQueued);
        }
    }
}
