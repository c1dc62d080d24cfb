using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Pandapon.Batching;
using Pandapon.Client;

namespace Pandapon.Commands
{
    /// <summary>
    /// The base of every cmdlet that calls the API. It carries the parameters they all take, resolves credentials
    /// (once, on the first request, so -WhatIf never needs them), sends requests through the process-wide
    /// <see cref="PandaponClient"/>, and writes results, errors, Verbose and Debug from the pipeline thread.
    /// A cmdlet checks its input through the endpoint, submits the endpoint's request and maps the response with it
    /// (docs/internals.md, "Adding an endpoint cmdlet"); a read by id is one call of <see cref="ByIdReads.SubmitEach"/>:
    /// <code>
    /// protected override void ProcessRecord()
    ///     => ByIdReads.SubmitEach(this, RefundId, id => RefundInfoEndpoint.Check(id, Names), "Pandapon.InvalidRefundId",
    ///         read => read.Request(), read => read.Read, Raw);
    /// </code>
    /// Up to <see cref="MaxConcurrentRequests"/> requests are in flight; results come out in input order. A failed
    /// request becomes a non-terminating error record whose target is the input, and the rest go on. A cmdlet that
    /// overrides EndProcessing calls base.EndProcessing() first, which waits for the requests still in flight.
    /// </summary>
    public abstract class PandaponApiCmdlet : ApiParametersCmdlet
    {
        private BatchScheduler<ApiResponse>? _batch;
        private BatchOutput? _output;

        private BatchStops? _stops;
        private BatchStops Stops => _stops ?? (_stops = new BatchStops(MaxConcurrentRequests));

        /// <summary>How many requests may be in flight at once; a cmdlet with a -ThrottleLimit parameter returns it here.</summary>
        protected virtual int MaxConcurrentRequests => 1;

        /// <summary>
        /// The progress activity of a batch ("Reading refunds"); null (the default) for no progress bar. The bar
        /// appears only once a batch has run for <see cref="BatchProgress.Delay"/>, so short calls never flash one.
        /// </summary>
        protected virtual string? ProgressActivity => null;

        /// <summary>How many inputs the batch will have, when known up front (bound by parameter); 0 when unknown (pipeline).</summary>
        protected int ExpectedTotal { get; set; }

        /// <summary>
        /// Starts <paramref name="request"/> and, when it succeeds, writes <paramref name="map"/>(response) unless that is
        /// null (enumerated when <paramref name="enumerateCollection"/>). Outputs from earlier requests that are done
        /// are written now; the rest by later calls or EndProcessing. A failure is written as the error record
        /// <see cref="ErrorRecords.FromFailure"/> builds, or as what <paramref name="onError"/> makes of it (a cmdlet that
        /// knows more about what the failure means for its operation: a write whose outcome is unknown, a read-back).
        /// </summary>
        protected internal void Submit(ApiRequest request, object? target, Func<ApiResponse, object?> map, bool enumerateCollection = false,
            Func<ErrorRecord, ErrorRecord>? onError = null)
        {
            ApiCredential credential = Credentials.Credential;
            if (Stops.Stopped)
            {
                Stops.TurnAway();
                StopBatch();
            }
            ApplyTo(request);
            PandaponClient client = PandaponClient.For(credential.Endpoint, credential.Proxy);
            LogRelay log = Output.Log;
            Enqueue(new BatchOutput.Pending(target, map, enumerateCollection, onError, refusal: null),
                Stops.Guard(token => client.SendAsync(request, credential, token, log)));
            if (Stops.Stopped) StopBatch();
        }

        /// <summary>After a stop (see <see cref="BatchStops"/>): those in flight finish and are written, then the one terminating error.</summary>
        private void StopBatch()
        {
            WaitForAll();
            ThrowTerminatingError(Stops.Record(_batch?.Progress.Submitted ?? 0, ExpectedTotal));
        }

        /// <summary>
        /// Queues an error for an input that is refused before any request (bad input), so that it is written in input
        /// order among the results of the requests before and after it, and the batch goes on.
        /// </summary>
        protected internal void SubmitRefusal(ErrorRecord refusal)
            => Enqueue(new BatchOutput.Pending(refusal.TargetObject, _ => null, false, onError: null, refusal), _ => RefusedTask);

        private static readonly Task<ApiResponse> RefusedTask = Task.FromResult<ApiResponse>(null!);

        /// <summary>
        /// Writes a paged list (a cmdlet with SupportsPaging) through <see cref="PagedListOutput"/>: page n is
        /// <paramref name="request"/>(n), read by <paramref name="read"/>; <paramref name="itemsName"/> ("orders") names the items.
        /// </summary>
        protected internal void WritePagedList<T>(Func<int, ApiRequest> request, Func<ApiResponse, Page<T>> read, int pageSize, string itemsName)
        {
            ApiCredential credential = Credentials.Credential;
            PandaponClient client = PandaponClient.For(credential.Endpoint, credential.Proxy);
            LogRelay log = Output.Log;
            // Each page is read in place as it arrives, so its body is neither copied nor held once read.
            Task<Page<T>> Fetch(int pageNo, CancellationToken token)
            {
                ApiRequest page = request(pageNo);
                ApplyTo(page);
                return client.SendAsync(page, credential, read, token, log);
            }
            PagedListOutput.Write(this, Output, Fetch, pageSize, itemsName, CancellationToken);
        }

        protected override void EndProcessing()
        {
            WaitForAll();
            if (Stops.Stopped) StopBatch();
            base.EndProcessing();
        }

        /// <summary>Writes the outcome of every request still in flight.</summary>
        protected void WaitForAll()
        {
            if (_batch == null) return;
            BatchScheduler<ApiResponse> batch = _batch;
            while (Stoppable(() => batch.Next(() => Output.Idle(batch.Progress))) is BatchResult<ApiResponse> result) Output.Write(result, batch.Progress);
            Output.Complete(batch.Progress);
        }

        internal BatchOutput Output => _output ?? (_output = new BatchOutput(this, ProgressActivity, CancellationToken, NewLogRelay()));

        /// <summary>A relay for the client's lines that lets through what -Verbose and -Debug (or the preferences) ask for.</summary>
        protected LogRelay NewLogRelay() => new LogRelay(IsStreamEnabled("Verbose", "VerbosePreference"), IsStreamEnabled("Debug", "DebugPreference"));

        private void Enqueue(BatchOutput.Pending pending, Func<CancellationToken, Task<ApiResponse>> work)
        {
            BatchScheduler<ApiResponse> batch = _batch ?? (_batch = new BatchScheduler<ApiResponse>(MaxConcurrentRequests, CancellationToken));
            batch.Progress.ExpectedTotal = ExpectedTotal;
            foreach (BatchResult<ApiResponse> result in Stoppable(() => batch.Add(pending, work, () => Output.Idle(batch.Progress))))
                Output.Write(result, batch.Progress);
            Output.Idle(batch.Progress);
        }

        /// <summary>Runs a wait of the batch; Ctrl+C (the batch's cancellation) stops the pipeline.</summary>
        private static T Stoppable<T>(Func<T> wait)
        {
            try
            {
                return wait();
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
        }
    }
}
