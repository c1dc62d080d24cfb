using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Pandapon.Api;
using Pandapon.Batching;
using Pandapon.Client;
using Pandapon.Credentials;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// The base of every cmdlet that calls the API. It carries the parameters they all take, resolves credentials
    /// (once, on the first request, so -WhatIf never needs them), sends requests through the process-wide
    /// <see cref="PandaponClient"/>, and writes results, errors, Verbose and Debug from the pipeline thread.
    /// A cmdlet checks its input through the endpoint, submits the endpoint's request and maps the response with it
    /// (docs/internals.md, "Adding an endpoint cmdlet"):
    /// <code>
    /// protected override void ProcessRecord()
    /// {
    ///     foreach (string id in RefundId)
    ///     {
    ///         RefundInfoEndpoint read = RefundInfoEndpoint.Check(id, Names);   // a bad id: InvalidValueException, see SubmitRefusal
    ///         Submit(read.Request(), id, read.Read);
    ///     }
    /// }
    /// </code>
    /// Up to <see cref="MaxConcurrentRequests"/> requests are in flight; results come out in input order. A failed
    /// request becomes a non-terminating error record whose target is the input, and the rest go on. A cmdlet that
    /// overrides EndProcessing calls base.EndProcessing() first, which waits for the requests still in flight.
    /// </summary>
    public abstract class PandaponApiCmdlet : PandaponCmdlet
    {
        private OrderedBatch<ApiResponse>? _batch;
        private ResolvedCredential? _credentials;
        private LogRelay? _log;
        private readonly Stopwatch _batchClock = new Stopwatch();
        private readonly BatchProgress _progress;

        protected PandaponApiCmdlet()
        {
            _progress = new BatchProgress(() => _batchClock.Elapsed);
        }

        /// <summary>A saved profile to use instead of the current credentials.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string? ProfileName { get; set; }

        /// <summary>The API's base URL, overriding the one of the credentials.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Endpoint { get; set; }

        /// <summary>Credentials for this call only: the user name is the access key, the password the secret key.</summary>
        [Parameter]
        [ValidateNotNull]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>The user id (the <c>user-id</c> header), overriding the one of the credentials; required with -Credential.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? UserId { get; set; }

        /// <summary>Retries after a rate limit, a server error, a timeout or a broken connection (idempotent requests only).</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = ApiRequest.DefaultMaxRetries;

        /// <summary>Seconds one attempt may take; 0 for no limit.</summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public int TimeoutSec { get; set; } = (int)ApiRequest.DefaultTimeout.TotalSeconds;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SignatureTemplate { get; set; }

        [Parameter]
        [ValidateSet("MD5", "SHA1", "SHA256", "HMAC-SHA256", IgnoreCase = true)]
        public string? SignatureAlgorithm { get; set; }

        [Parameter]
        public SignatureCase? SignatureCase { get; set; }

        /// <summary>How many requests may be in flight at once; a cmdlet with a -ThrottleLimit parameter returns it here.</summary>
        protected virtual int MaxConcurrentRequests => 1;

        /// <summary>The credentials of this command, resolved on first use; a failure stops the command with an error record.</summary>
        protected ResolvedCredential Credentials => _credentials ?? (_credentials = ResolveCredentials());

        /// <summary>
        /// Starts <paramref name="request"/> and, when it succeeds, writes <paramref name="map"/>(response) unless that is
        /// null (enumerated when <paramref name="enumerateCollection"/>). Outputs from earlier requests that are done
        /// are written now; the rest by later calls or EndProcessing. A failure is written as the error record the
        /// base builds, or as what <paramref name="onError"/> makes of it (a cmdlet that knows more about what the
        /// failure means for its operation: a write whose outcome is unknown, a read-back after a write).
        /// </summary>
        protected void Submit(ApiRequest request, object? target, Func<ApiResponse, object?> map, bool enumerateCollection = false,
            Func<ErrorRecord, ErrorRecord>? onError = null)
        {
            ApiCredential credential = Credentials.Credential;
            request.MaxRetries = MaxRetries;
            request.Timeout = TimeoutSec == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(TimeoutSec);
            PandaponClient client = PandaponClient.For(credential.Endpoint);
            LogRelay log = _log ?? (_log = new LogRelay(IsStreamEnabled("Verbose", "VerbosePreference"), IsStreamEnabled("Debug", "DebugPreference")));
            Enqueue(new Pending(target, map, enumerateCollection, onError, refusal: null), token => client.SendAsync(request, credential, token, log));
        }

        /// <summary>
        /// Queues an error for an input that is refused before any request (bad input), so that it is written in input
        /// order among the results of the requests before and after it, and the batch goes on.
        /// </summary>
        protected void SubmitRefusal(ErrorRecord refusal)
            => Enqueue(new Pending(refusal.TargetObject, _ => null, false, onError: null, refusal), _ => RefusedTask);

        private static readonly Task<ApiResponse> RefusedTask = Task.FromResult<ApiResponse>(null!);

        private void Enqueue(Pending pending, Func<CancellationToken, Task<ApiResponse>> work)
        {
            OrderedBatch<ApiResponse> batch = _batch ?? (_batch = new OrderedBatch<ApiResponse>(Math.Max(1, MaxConcurrentRequests), CancellationToken));
            // The batch's clock runs from its first input, so the progress delay counts the whole batch.
            if (_progress.Submitted == 0) _batchClock.Start();
            _progress.InputSubmitted();
            while (batch.IsFull) WriteOutcome(WaitForNext(batch));
            IReadOnlyList<BatchResult<ApiResponse>> ready;
            try
            {
                ready = batch.Add(pending, work);
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
            FlushLog();
            foreach (BatchResult<ApiResponse> result in ready) WriteOutcome(result);
        }

        /// <summary>Sends one request and waits for it: the response, or null after an error record was written.</summary>
        protected ApiResponse? Send(ApiRequest request, object? target) => Send(request, target, r => r);

        /// <summary>
        /// Sends one request, waits for it and returns <paramref name="map"/>(response) without writing it; null after an
        /// error record was written (a failure of the request or of <paramref name="map"/>, as with <see cref="Submit"/>).
        /// For a cmdlet whose next request depends on this one's answer.
        /// </summary>
        protected T? Send<T>(ApiRequest request, object? target, Func<ApiResponse, T> map, Func<ErrorRecord, ErrorRecord>? onError = null) where T : class
        {
            T? result = null;
            Submit(request, target, r =>
            {
                result = map(r);
                return null;
            }, onError: onError);
            WaitForAll();
            return result;
        }

        protected override void EndProcessing()
        {
            WaitForAll();
            base.EndProcessing();
        }

        /// <summary>Writes the outcome of every request still in flight.</summary>
        protected void WaitForAll()
        {
            if (_batch == null) return;
            while (_batch.Pending > 0) WriteOutcome(WaitForNext(_batch));
            FlushLog();
            WriteBatchProgress(final: true);
        }

        /// <summary>
        /// The progress activity of a batch ("Reading refunds"); null (the default) for no progress bar. The bar
        /// appears only once a batch has run for <see cref="BatchProgress.Delay"/>, so short calls never flash one.
        /// </summary>
        protected virtual string? ProgressActivity => null;

        /// <summary>How many inputs the batch will have, when known up front (bound by parameter); 0 when unknown (pipeline).</summary>
        protected int ExpectedTotal
        {
            get => _progress.ExpectedTotal;
            set => _progress.ExpectedTotal = value;
        }

        private void WriteBatchProgress(bool final)
        {
            string? activity = ProgressActivity;
            if (activity == null) return;
            if (final)
            {
                if (_progress.Shown) WriteProgress(new ProgressRecord(ProgressId, activity, "Done") { RecordType = ProgressRecordType.Completed });
                return;
            }
            ProgressReport? report = _progress.Next();
            if (report == null) return;
            var record = new ProgressRecord(ProgressId, activity, report.Status);
            if (report.PercentComplete is int percent) record.PercentComplete = percent;
            if (report.SecondsRemaining is int seconds) record.SecondsRemaining = seconds;
            WriteProgress(record);
        }

        private const int ProgressId = 0x5044;   // "PD": stable, so nested Pandapon calls replace rather than stack

        private BatchResult<ApiResponse> WaitForNext(OrderedBatch<ApiResponse> batch)
        {
            try
            {
                while (true)
                {
                    FlushLog();
                    WriteBatchProgress(final: false);
                    // A short wait, so that Verbose lines (a retry and its delay) appear while the request goes on.
                    BatchResult<ApiResponse>? next = batch.TakeNext(TimeSpan.FromMilliseconds(100));
                    if (next != null) return next;
                }
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
        }

        private void WriteOutcome(BatchResult<ApiResponse> result)
        {
            FlushLog();
            var pending = (Pending)result.Input!;
            _progress.InputCompleted();
            WriteBatchProgress(final: false);
            if (pending.Refusal != null)
            {
                WriteError(pending.Refusal);
                return;
            }
            if (result.Error is OperationCanceledException && CancellationToken.IsCancellationRequested) throw new PipelineStoppedException();
            if (result.Error != null)
            {
                WriteError(pending, ErrorRecords.FromFailure(result.Error, pending.Target, mapping: false));
                return;
            }
            object? output;
            try
            {
                output = pending.Map(result.Value);
            }
            catch (Exception e) when (ErrorRecords.IsReadFailure(e))
            {
                WriteError(pending, ErrorRecords.FromFailure(e, pending.Target, mapping: true, result.Value.RequestId));
                return;
            }
            if (output != null) WriteObject(output, pending.Enumerate);
        }

        private void WriteError(Pending pending, ErrorRecord record) => WriteError(pending.OnError?.Invoke(record) ?? record);

        private void FlushLog()
        {
            if (_log == null) return;
            while (_log.TryTake(out LogStream stream, out string line))
            {
                if (stream == LogStream.Debug) WriteDebug(line);
                else WriteVerbose(line);
            }
        }

        private ResolvedCredential ResolveCredentials()
        {
            ApiCredential? fromParameters = null;
            if (Credential != null)
            {
                if (UserId == null)
                    ThrowInvalidArgument("Pandapon.UserIdRequired", "-UserId is required with -Credential: the PandaPon API needs the user id with every request.", Credential.UserName);
                fromParameters = NewCredential(Credential.UserName, SecretText.Reveal(Credential.Password), UserId!, null, "-Credential");
            }

            ResolvedCredential resolved;
            try
            {
                resolved = CredentialResolver.ForCurrentUser().Resolve(fromParameters, ProfileName, SessionCredential);
            }
            catch (Exception e) when (ErrorRecords.FromCredentialFailure(e, ProfileName) is ErrorRecord record)
            {
                ThrowTerminatingError(record);
                throw;   // not reached: ThrowTerminatingError throws
            }

            Uri? endpoint = null;
            SignatureOptions signature;
            try
            {
                if (Endpoint != null) endpoint = PandaponEndpoint.Parse(Endpoint, "-Endpoint");
                signature = SignatureRecipe.Parse(SignatureTemplate, SignatureAlgorithm, SignatureCase?.ToString(), SignatureParameters, resolved.Credential.Signature);
            }
            catch (ArgumentException e)
            {
                ThrowInvalidArgument("Pandapon.InvalidArgument", e.Message, e.ParamName == "-Endpoint" ? (object?)PandaponEndpoint.HideUserInfo(Endpoint) : SignatureTemplate, e);
                throw;
            }
            resolved = resolved.WithCredential(resolved.Credential.With(endpoint, UserId, signature));
            WriteDebug($"Using the credentials of {resolved.Describe()}, endpoint {PandaponEndpoint.Display(resolved.Credential.Endpoint)}.");
            return resolved;
        }

        /// <summary>An <see cref="ApiCredential"/> from parameter values, or a terminating error naming <paramref name="source"/>.</summary>
        private ApiCredential NewCredential(string accessKey, string secretKey, string userId, Uri? endpoint, string source)
        {
            try
            {
                return new ApiCredential(accessKey, secretKey, userId, endpoint);
            }
            catch (ArgumentException e)
            {
                ThrowInvalidArgument("Pandapon.InvalidArgument", $"{source}: {InvalidValueException.PlainMessage(e)}", null, e);
                throw;
            }
        }

        private sealed class Pending
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
