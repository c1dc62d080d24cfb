using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Pandapon.Api;
using Pandapon.Batching;
using Pandapon.Client;

namespace Pandapon.Commands
{
    /// <summary>
    /// A cmdlet's paged listing on the one <see cref="Pager{T}"/>: -Skip, -First and -IncludeTotalCount (SupportsPaging)
    /// become the pages asked for; each page is requested and read off the pipeline thread, and its items are written as
    /// the pipeline wants them, with the client's Verbose lines between. A page that fails (after the client's retries) is
    /// one error record saying how many items were written and the -Skip that goes on from there; the listing stops.
    /// </summary>
    internal sealed class PagedListing
    {
        private readonly PSCmdlet _cmdlet;
        private readonly ApiCredential _credential;
        private readonly Action<ApiRequest> _applyParameters;
        private readonly CancellationToken _cancellation;
        private readonly BatchOutput _output;

        /// <param name="cmdlet">Writes the items, lines and errors.</param>
        /// <param name="credential">The resolved credentials.</param>
        /// <param name="applyParameters">Sets -MaxRetries, -TimeoutSec and the failure hints on each page's request.</param>
        /// <param name="log">Where the client writes its lines (Verbose, Debug).</param>
        /// <param name="cancellation">Ctrl+C.</param>
        public PagedListing(PSCmdlet cmdlet, ApiCredential credential, Action<ApiRequest> applyParameters, LogRelay log, CancellationToken cancellation)
        {
            _cmdlet = cmdlet;
            _credential = credential;
            _applyParameters = applyParameters;
            _cancellation = cancellation;
            _output = new BatchOutput(cmdlet, progressActivity: null, cancellation, log);
        }

        /// <summary>
        /// Lists the pages <paramref name="requestFor"/>(pageNo) asks for, read by <paramref name="readPage"/>, writing
        /// <paramref name="write"/>(item) for each item the paging parameters leave. <paramref name="items"/> names the items
        /// in the error ("reverse orders").
        /// </summary>
        public void Run<T>(Func<int, ApiRequest> requestFor, Func<ApiResponse, Page<T>> readPage, int pageSize, PagingParameters paging,
            Func<T, object> write, string items)
        {
            PandaponClient client = PandaponClient.For(_credential.Endpoint);
            LogRelay log = _output.Log;
            async Task<Page<T>> Fetch(int pageNo, CancellationToken token)
            {
                ApiRequest request = requestFor(pageNo);
                _applyParameters(request);
                ApiResponse response = await client.SendAsync(request, _credential, token, log).ConfigureAwait(false);
                return readPage(response);
            }

            using (var pager = new Pager<T>(Fetch, pageSize, paging.Skip, paging.First, _cancellation))
            {
                try
                {
                    if (paging.IncludeTotalCount)
                    {
                        long? total = pager.ReadTotal(_output.WriteLogLines);
                        _cmdlet.WriteObject(paging.NewTotalCount(total.HasValue ? (ulong)total.Value : 0, total.HasValue ? 1.0 : 0.0));
                    }
                    foreach (T item in pager.Items(_output.WriteLogLines)) _cmdlet.WriteObject(write(item));
                }
                catch (PageFailedException failed)
                {
                    ErrorRecord cause = ErrorRecords.FromFailure(failed.InnerException!, $"page {failed.PageNo}", mapping: failed.InnerException is not PandaponApiException);
                    string resume = $"To go on from there, run the same command with -Skip {failed.ResumeSkip}.";
                    _cmdlet.WriteError(ErrorRecords.WithContext(cause, cause.FullyQualifiedErrorId,
                        $"The listing stopped at page {failed.PageNo} after {failed.ItemsWritten} {items} were written: {failed.InnerException!.Message} {resume}", resume));
                }
                catch (OperationCanceledException)
                {
                    throw new PipelineStoppedException();
                }
                finally
                {
                    _output.WriteLogLines();
                }
            }
        }
    }
}
