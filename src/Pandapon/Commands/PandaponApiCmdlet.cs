using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Text.Json;
using System.Threading.Tasks;
using System.Threading;
using System;
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
    /// A cmdlet builds an <see cref="ApiRequest"/> and maps the response:
    /// <code>
    /// protected override void ProcessRecord()
    /// {
    ///     foreach (string id in RefundId)
    ///         Submit(ApiRequest.Post("/alibaba/refund/info", new { refundId = id }, idempotent: true), id, r => Refund.From(r.Data));
    /// }
    /// </code>
    /// Up to <see cref="MaxConcurrentRequests"/> requests are in flight; results come out in input order. A failed
    /// request becomes a non-terminating error record whose target is the input, and the rest go on. A cmdlet that
    /// overrides EndProcessing calls base.EndProcessing() first, which waits for the requests still in flight.
    /// </summary>
    public abstract class PandaponApiCmdlet : PandaponCmdlet
    {
        private readonly ConcurrentQueue<KeyValuePair<bool, string>> _log = new ConcurrentQueue<KeyValuePair<bool, string>>();
        private OrderedBatch<ApiResponse>? _batch;
        private ResolvedCredential? _credentials;
        private QueuedLog? _requestLog;

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
            QueuedLog log = _requestLog ?? (_requestLog = new QueuedLog(_log, IsStreamEnabled("Verbose", "VerbosePreference"), IsStreamEnabled("Debug", "DebugPreference")));
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
            if (_progress.Submitted++ == 0) _progress.Clock.Start();
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
        /// appears only once a batch has run for <see cref="ProgressDelay"/>, so short calls never flash one.
        /// </summary>
        protected virtual string? ProgressActivity => null;

        /// <summary>How many inputs the batch will have, when known up front (bound by parameter); 0 when unknown (pipeline).</summary>
        protected int ExpectedTotal { get; set; }

        private static readonly TimeSpan ProgressDelay = TimeSpan.FromSeconds(2);
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

        private void WriteBatchProgress(bool final)
        {
            string? activity = ProgressActivity;
            if (activity == null) return;
            var p = _progress;
            TimeSpan elapsed = p.Clock.Elapsed;
            if (final)
            {
                if (p.Shown) WriteProgress(new ProgressRecord(ProgressId, activity, "Done") { RecordType = ProgressRecordType.Completed });
                return;
            }
            if (elapsed < ProgressDelay || elapsed - p.LastShown < ProgressInterval) return;
            p.Shown = true;
            p.LastShown = elapsed;
            int total = Math.Max(ExpectedTotal, p.Submitted);
            var record = new ProgressRecord(ProgressId, activity, ExpectedTotal > 0
                ? $"{p.Completed} of {total} done, {p.Submitted - p.Completed} in flight"
                : $"{p.Completed} done, {p.Submitted - p.Completed} in flight");
            if (ExpectedTotal > 0)
            {
                record.PercentComplete = (int)Math.Min(100, 100L * p.Completed / total);
                if (p.Completed > 0)
                    record.SecondsRemaining = (int)(elapsed.TotalSeconds / p.Completed * (total - p.Completed));
            }
            WriteProgress(record);
        }

        private const int ProgressId = 0x5044;   // "PD": stable, so nested Pandapon calls replace rather than stack

        private readonly BatchProgress _progress = new BatchProgress();

        private sealed class BatchProgress
        {
            public int Submitted;
            public int Completed;
            public readonly Stopwatch Clock = new Stopwatch();
            public TimeSpan LastShown;
            public bool Shown;
        }

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
            _progress.Completed++;
            WriteBatchProgress(final: false);
            if (pending.Refusal != null)
            {
                WriteError(pending.Refusal);
                return;
            }
            if (result.Error != null)
            {
                switch (result.Error)
                {
                    case OperationCanceledException _ when CancellationToken.IsCancellationRequested:
                        throw new PipelineStoppedException();
                    case PandaponApiException api:
                        WriteError(pending, ErrorRecords.FromApi(api, pending.Target));
                        return;
                    default:
                        WriteError(pending, new ErrorRecord(result.Error, "Pandapon.UnexpectedError", ErrorCategory.NotSpecified, pending.Target));
                        return;
                }
            }

            object? output;
            try
            {
                output = pending.Map(result.Value);
            }
            catch (PandaponApiException api)
            {
                WriteError(pending, ErrorRecords.FromApi(api, pending.Target));
                return;
            }
            catch (PandaponDataException data)
            {
                WriteError(pending, new ErrorRecord(data, data.ErrorId, ErrorCategory.InvalidData, pending.Target));
                return;
            }
            catch (Exception e) when (e is JsonException || e is InvalidOperationException || e is FormatException || e is KeyNotFoundException || e is OverflowException)
            {
                WriteError(pending, new ErrorRecord(new InvalidOperationException($"The response could not be read (requestId {result.Value.RequestId}): {e.Message}", e),
                    "Pandapon." + ApiErrorKind.InvalidResponse, ErrorCategory.InvalidResult, pending.Target));
                return;
            }
            if (output != null) WriteObject(output, pending.Enumerate);
        }

        private void WriteError(Pending pending, ErrorRecord record) => WriteError(pending.OnError?.Invoke(record) ?? record);

        private void FlushLog()
        {
            while (_log.TryDequeue(out KeyValuePair<bool, string> line))
            {
                if (line.Key) WriteDebug(line.Value);
                else WriteVerbose(line.Value);
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
                resolved = CredentialResolver.ForCurrentUser().Resolve(fromParameters, ProfileName, SessionCredentials.Current);
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
                signature = SignatureRecipe.Parse(SignatureTemplate, SignatureAlgorithm, SignatureCase?.ToString(), SignatureRecipe.Parameters, resolved.Credential.Signature);
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

        /// <summary>Collects the client's lines from any thread; the pipeline thread writes them (Key true = Debug).</summary>
        private sealed class QueuedLog : IRequestLog
        {
            private readonly ConcurrentQueue<KeyValuePair<bool, string>> _lines;
            private readonly bool _verbose;

            public QueuedLog(ConcurrentQueue<KeyValuePair<bool, string>> lines, bool verbose, bool debug)
            {
                _lines = lines;
                _verbose = verbose;
                IsDebugEnabled = debug;
            }

            public bool IsDebugEnabled { get; }

            public void Verbose(string message)
            {
                if (_verbose) _lines.Enqueue(new KeyValuePair<bool, string>(false, message));
            }

            public void Debug(string message)
            {
                if (IsDebugEnabled) _lines.Enqueue(new KeyValuePair<bool, string>(true, message));
            }
        }
    }
}
