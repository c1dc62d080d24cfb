using System;

namespace Pandapon.Batching
{
    /// <summary>What a progress bar should show at one moment; the cmdlet turns it into a ProgressRecord.</summary>
    public sealed class ProgressReport
    {
        internal ProgressReport(string status, int? percentComplete, int? secondsRemaining)
        {
            Status = status;
            PercentComplete = percentComplete;
            SecondsRemaining = secondsRemaining;
        }

        public string Status { get; }

        /// <summary>Only when the total is known up front.</summary>
        public int? PercentComplete { get; }

        public int? SecondsRemaining { get; }
    }

    /// <summary>
    /// The progress of a batch of requests: no bar before <see cref="Delay"/> (short calls never flash one), then at
    /// most one update per <see cref="Interval"/>, with a percentage and an estimate when the total is known. The
    /// clock is injected (elapsed time since the first input), so the rules are tested without sleeping.
    /// </summary>
    public sealed class BatchProgress
    {
        public static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);
        public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

        private readonly Func<TimeSpan> _elapsed;
        private readonly Func<int> _running;
        private TimeSpan _lastShown;

        /// <param name="elapsed">Time since the clock started; the cmdlet passes a Stopwatch started at the first input.</param>
        /// <param name="running">Requests on the wire now (started and not ended), as the batch counts them.</param>
        public BatchProgress(Func<TimeSpan> elapsed, Func<int> running)
        {
            _elapsed = elapsed;
            _running = running;
        }

        public int Submitted { get; private set; }
        public int Completed { get; private set; }

        /// <summary>How many inputs the batch will have, when known up front; 0 when unknown (pipeline input).</summary>
        public int ExpectedTotal { get; set; }

        /// <summary>Whether a bar was shown, so that the end must complete it.</summary>
        public bool Shown { get; private set; }

        public void InputSubmitted() => Submitted++;

        public void InputCompleted() => Completed++;

        /// <summary>What to show now, or null when it is too early or too soon after the last update.</summary>
        public ProgressReport? Next()
        {
            TimeSpan elapsed = _elapsed();
            if (elapsed < Delay || (Shown && elapsed - _lastShown < Interval)) return null;
            Shown = true;
            _lastShown = elapsed;
            // In flight is what is on the wire; the rest of the window (waiting for a slot, or done and waiting for
            // the inputs before it) is queued.
            int inFlight = Math.Min(_running(), Submitted - Completed);
            int queued = Submitted - Completed - inFlight;
            string counts = $"{inFlight} in flight" + (queued > 0 ? $", {queued} queued" : "");
            if (ExpectedTotal <= 0) return new ProgressReport($"{Completed} done, {counts}", null, null);
            int total = Math.Max(ExpectedTotal, Submitted);
            int? remaining = Completed > 0 ? (int)(elapsed.TotalSeconds / Completed * (total - Completed)) : (int?)null;
            return new ProgressReport($"{Completed} of {total} done, {counts}", (int)Math.Min(100, 100L * Completed / total), remaining);
        }
    }
}
