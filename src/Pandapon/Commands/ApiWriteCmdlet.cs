using System;
using System.Management.Automation;
using System.Threading;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Endpoints;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// The base of the cmdlets that change something through the API (refunds, orders): -Force, -PassThru, and a send
    /// that is never retried and whose errors say what a failure means for a write (it may or may not have happened).
    /// </summary>
    public abstract class ApiWriteCmdlet : PandaponApiCmdlet
    {
        /// <summary>Returns what was changed, read back after the change, instead of what was submitted.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Changes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>
        /// Sends the write once (never retried) and returns <paramref name="read"/>(answer), or null after an error record.
        /// A failure after which the write may have been carried out (a timeout, a broken connection, an unreadable
        /// answer, a server error) is reported under <paramref name="outcomeUnknownId"/> with <paramref name="whatMayHaveHappened"/>
        /// and how to check before trying again.
        /// </summary>
        protected T? SendWrite<T>(ApiRequest request, object? target, Func<ApiResponse, T> read, string outcomeUnknownId,
            string whatMayHaveHappened, string howToCheck) where T : class
        {
            Volatile.Write(ref _outcomeUnknownIfStopped, $"{request} was stopped after it was sent. {whatMayHaveHappened} {howToCheck}");
            try
            {
                return Send(request, target, read, record =>
                {
                    if (!(record.Exception is PandaponApiException failure) || !failure.MayHaveTakenEffect) return record;
                    return ErrorRecords.WithContext(record, outcomeUnknownId,
                        $"{failure.Message} {whatMayHaveHappened} {howToCheck}", howToCheck);
                });
            }
            finally
            {
                Volatile.Write(ref _outcomeUnknownIfStopped, null);
            }
        }

        /// <summary>What Ctrl+C during a write must say (set while the write is on its way).</summary>
        private string? _outcomeUnknownIfStopped;

        /// <summary>
        /// Ctrl+C while a write is on its way: the server may have carried it out, so say so with the check a timeout
        /// gives. The pipeline's streams are closed once it is stopping, so the warning goes to the host.
        /// </summary>
        protected override void StopProcessing()
        {
            string? warning = Volatile.Read(ref _outcomeUnknownIfStopped);
            if (warning != null) Host?.UI?.WriteWarningLine(warning);
            base.StopProcessing();
        }

        /// <summary>
        /// Sends one request, waits for it and returns <paramref name="map"/>(response) without writing it; null after an
        /// error record was written (as with Submit). For a write whose next step depends on its answer.
        /// </summary>
        private T? Send<T>(ApiRequest request, object? target, Func<ApiResponse, T> map, Func<ErrorRecord, ErrorRecord> onError) where T : class
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

        /// <summary>
        /// Reads back what a write changed and writes it (-PassThru): <paramref name="request"/> mapped by
        /// <paramref name="read"/>. A failure says that the write itself succeeded (<paramref name="whatWasDone"/>), so that
        /// nobody sends it again, names what was read (<paramref name="what"/>, "refund TQ…") and gives <paramref name="advice"/>.
        /// </summary>
        protected void WriteReadBack(ApiRequest request, Func<ApiResponse, object?> read, object? target, string whatWasDone, string what, string advice)
            => Submit(request, target, read, onError: record =>
                ErrorRecords.WithContext(record, "Pandapon.ReadBackFailed",
                    $"{whatWasDone}, but reading {what} back failed: {record.Exception.Message}", "Do not send it again. " + advice));
    }
}
