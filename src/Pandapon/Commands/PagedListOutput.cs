using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Pandapon.Batching;
using Pandapon.Client;

namespace Pandapon.Commands
{
    /// <summary>
    /// Writes what a <see cref="Pager{T}"/> gives, on the pipeline thread: the total first when -IncludeTotalCount asks
    /// for it (PowerShell's own total-count object), then each item with its unread-fields warning, the client's
    /// Verbose lines while a page is awaited; a failed page is one error record that says how many items were written
    /// and which -Skip goes on from there, and ends the list. Ctrl+C stops the pipeline.
    /// </summary>
    internal static class PagedListOutput
    {
        public const string PageFailedErrorId = "Pandapon.PageFailed";

        /// <summary>
        /// The list whose page n is <paramref name="fetch"/>(n) (sent and read off the pipeline thread, as soon as its
        /// answer arrives), walked lazily by a <see cref="Pager{T}"/> as -First, -Skip and -IncludeTotalCount
        /// (PagingParameters) ask. <paramref name="itemsName"/> names the items in a failed page's error.
        /// </summary>
        public static void Write<T>(PSCmdlet cmdlet, BatchOutput output, Func<int, CancellationToken, Task<Page<T>>> fetch,
            int pageSize, string itemsName, CancellationToken stopping)
        {
            PagingParameters paging = cmdlet.PagingParameters;
            using (var pager = new Pager<T>(fetch, pageSize, paging.Skip, paging.First, stopping))
                Write(cmdlet, pager, output, itemsName, pageSize);
        }

        private static void Write<T>(PSCmdlet cmdlet, Pager<T> pager, BatchOutput output, string itemsName, int pageSize)
        {
            PagingParameters paging = cmdlet.PagingParameters;
            Action idle = output.WriteLogLines;
            try
            {
                if (paging.IncludeTotalCount)
                {
                    long? total = pager.ReadTotal(idle);
                    cmdlet.WriteObject(paging.NewTotalCount(total.HasValue ? (ulong)total.Value : 0UL, total.HasValue ? 1.0 : 0.0));
                }
                foreach (T item in pager.Items(idle))
                {
                    if (item != null) BatchOutput.WriteWithWarnings(cmdlet, item, enumerate: false);
                }
                idle();
            }
            catch (PageFailedException failed)
            {
                idle();
                cmdlet.WriteError(PageFailure(failed, itemsName, pageSize, paging));
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>The cause's record (its exception, category and target page) with a message that says how far the list got and how to go on.</summary>
        private static ErrorRecord PageFailure(PageFailedException failed, string itemsName, int pageSize, PagingParameters paging)
        {
            Exception cause = failed.InnerException ?? failed;
            ErrorRecord record = ErrorRecords.FromFailure(cause, "page " + failed.PageNo.ToString(CultureInfo.InvariantCulture), mapping: true);
            string written = failed.ItemsWritten.ToString(CultureInfo.InvariantCulture);
            string resume = failed.ResumeSkip.ToString(CultureInfo.InvariantCulture);
            string message = string.Format(CultureInfo.InvariantCulture,
                "Listing {0} stopped at page {1} (pages of {2}): {3} {0} were written before it. {4}",
                itemsName, failed.PageNo, pageSize, written, cause.Message);
            string action = $"Run the same command again with -Skip {resume} to go on from there";
            if (paging.First != ulong.MaxValue)
                action += $" (and -First {(paging.First > (ulong)failed.ItemsWritten ? paging.First - (ulong)failed.ItemsWritten : 0UL).ToString(CultureInfo.InvariantCulture)} for the rest of the {paging.First.ToString(CultureInfo.InvariantCulture)} asked for)";
            action += ".";
            return ErrorRecords.WithContext(record, PageFailedErrorId, message + " " + action, action);
        }
    }
}
