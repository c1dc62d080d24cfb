using System;
using System.Collections;
using System.Management.Automation;
using System.Threading;
using Pandapon.Api;
using Pandapon.Batching;
using Pandapon.Client;
using Pandapon.Models;

namespace Pandapon.Commands
{
    /// <summary>
    /// Writes what a <see cref="PandaponApiCmdlet"/>'s batch produces, on the pipeline thread: each input's output or
    /// error record (<see cref="ErrorRecords.FromFailure"/>, in input order) with one warning for a record that has
    /// unread fields (<see cref="IHasUnreadFields"/>), the client's Verbose and Debug lines
    /// (<see cref="LogRelay"/>), and the progress bar (<see cref="BatchProgress"/> turned into a ProgressRecord).
    /// </summary>
    internal sealed class BatchOutput
    {
        private const int ProgressId = 0x5044;   // "PD": stable, so nested Pandapon calls replace rather than stack

        private readonly Cmdlet _cmdlet;
        private readonly string? _activity;
        private readonly CancellationToken _cancellation;

        public BatchOutput(Cmdlet cmdlet, string? progressActivity, CancellationToken cancellation, LogRelay log)
        {
            _cmdlet = cmdlet;
            _activity = progressActivity;
            _cancellation = cancellation;
            Log = log;
        }

        /// <summary>Where the client writes its lines from any thread.</summary>
        public LogRelay Log { get; }

        /// <summary>What the pipeline thread does while it waits, and before each outcome: the client's lines, then the bar.</summary>
        public void Idle(BatchProgress progress)
        {
            WriteLogLines();
            if (_activity == null || !(progress.Next() is ProgressReport report)) return;
            var record = new ProgressRecord(ProgressId, _activity, report.Status);
            if (report.PercentComplete is int percent) record.PercentComplete = percent;
            if (report.SecondsRemaining is int seconds) record.SecondsRemaining = seconds;
            _cmdlet.WriteProgress(record);
        }

        /// <summary>The client's Verbose and Debug lines written since the last call (a paged listing has no bar, only these).</summary>
        public void WriteLogLines()
        {
            while (Log.TryTake(out LogStream stream, out string line))
            {
                if (stream == LogStream.Debug) _cmdlet.WriteDebug(line);
                else _cmdlet.WriteVerbose(line);
            }
        }

        /// <summary>
        /// Writes <paramref name="output"/> (each item when <paramref name="enumerate"/>), first the one warning of each
        /// record read with fields left empty (<see cref="IHasUnreadFields"/>), so no unread value passes unnoticed.
        /// </summary>
        public static void WriteWithWarnings(Cmdlet cmdlet, object output, bool enumerate)
        {
            if (enumerate && output is IEnumerable items && !(output is string) && !(output is IDictionary))
            {
                foreach (object? item in items)
                {
                    if (item != null) WriteWithWarnings(cmdlet, item, enumerate: false);
                }
                return;
            }
            if (output is IHasUnreadFields read) UnreadFieldWarnings.Warn(cmdlet, read);
            cmdlet.WriteObject(output);
        }

        /// <summary>The end of the batch: the last lines, and the bar completed if it was shown.</summary>
        public void Complete(BatchProgress progress)
        {
            Idle(progress);
            if (_activity != null && progress.Shown)
                _cmdlet.WriteProgress(new ProgressRecord(ProgressId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
        }

        /// <summary>Writes one input's outcome: its output, or one error record.</summary>
        public void Write(BatchResult<ApiResponse> result, BatchProgress progress)
        {
            Idle(progress);
            var pending = (Pending)result.Input!;
            if (pending.Refusal != null)
            {
                _cmdlet.WriteError(pending.Refusal);
                return;
            }
            if (result.Error is OperationCanceledException && _cancellation.IsCancellationRequested) throw new PipelineStoppedException();
            // Not sent (the batch stopped), or refused like the request that stopped it: the one terminating error says so.
            if (result.Error is BatchStoppedException || BatchStops.IsRefusal(result.Error)) return;
            object? output;
            try
            {
                if (result.Error != null) throw result.Error;
                output = pending.Map(result.Value);
            }
            catch (Exception e) when (e == result.Error || ErrorRecords.IsReadFailure(e))
            {
                ErrorRecord record = ErrorRecords.FromFailure(e, pending.Target, mapping: e != result.Error, result.Value?.RequestId);
                _cmdlet.WriteError(pending.OnError?.Invoke(record) ?? record);
                return;
            }
            if (output != null) WriteWithWarnings(_cmdlet, output, pending.Enumerate);
        }

        /// <summary>One input of the batch: how to write its outcome.</summary>
        public sealed class Pending
        {
            public Pending(object? target, Func<ApiResponse, object?> map, bool enumerate, Func<ErrorRecord, ErrorRecord>? onError, ErrorRecord? refusal)
            {
                Target = target;
                Map = map;
                Enumerate = enumerate;
                OnError = onError;
                Refusal = refusal;
            }

            /// <summary>Set for an input refused before sending: written as it is, in order.</summary>
            public ErrorRecord? Refusal { get; }

            public object? Target { get; }
            public Func<ApiResponse, object?> Map { get; }
            public bool Enumerate { get; }
            public Func<ErrorRecord, ErrorRecord>? OnError { get; }
        }
    }
}
