using System;
using System.Globalization;

namespace Pandapon.Batching
{
    /// <summary>
    /// A page of a listing could not be had (after the client's retries) or read: the listing stops there. Says how
    /// many items were already given out and where to start again, so the caller can tell the user how to resume
    /// (<see cref="ResumeSkip"/> is what -Skip must be). The cause is the <see cref="Exception.InnerException"/>.
    /// </summary>
    public sealed class PageFailedException : Exception
    {
        public PageFailedException(int pageNo, long itemsWritten, ulong resumeSkip, Exception cause)
            : base(string.Format(CultureInfo.InvariantCulture, "Page {0} failed after {1} items were written: {2}", pageNo, itemsWritten, cause.Message), cause)
        {
            PageNo = pageNo;
            ItemsWritten = itemsWritten;
            ResumeSkip = resumeSkip;
        }

        /// <summary>The page number (from 1) that failed.</summary>
        public int PageNo { get; }

        /// <summary>Items given out before the failure, in this listing.</summary>
        public long ItemsWritten { get; }

        /// <summary>How many items of the list to skip to go on where this listing stopped: the original skip plus <see cref="ItemsWritten"/>.</summary>
        public ulong ResumeSkip { get; }
    }
}
