using System;
using System.Collections.Generic;

namespace Pandapon.Client
{
    /// <summary>One request as the history keeps it: what was called and how it ended, never a body, header or key.</summary>
    public sealed class RequestRecord
    {
        public DateTimeOffset Time { get; internal set; }
        public string Method { get; internal set; } = "";
        public string Path { get; internal set; } = "";
        /// <summary>"Succeeded", the failure's kind ("Timeout", "Business", ...) or "Cancelled".</summary>
        public string Outcome { get; internal set; } = "";
        public int? HttpStatus { get; internal set; }
        public int? Code { get; internal set; }
        public string? RequestId { get; internal set; }
        /// <summary>From the first attempt's start to the end of the last, waits between retries included.</summary>
        public TimeSpan Duration { get; internal set; }
        public int Attempts { get; internal set; }
    }

    /// <summary>
    /// The last <see cref="Capacity"/> requests of this process (every client adds to it), oldest first; thread-safe.
    /// Bounded so a long runbook keeps a fixed amount of memory (about 200 bytes a record).
    /// </summary>
    public static class RequestHistory
    {
        public const int Capacity = 1000;

        private static readonly Queue<RequestRecord> Records = new Queue<RequestRecord>();

        internal static void Add(RequestRecord record)
        {
            lock (Records)
            {
                Records.Enqueue(record);
                while (Records.Count > Capacity) Records.Dequeue();
            }
        }

        /// <summary>The newest <paramref name="last"/> records (all when null), oldest first.</summary>
        public static IReadOnlyList<RequestRecord> Snapshot(int? last = null)
        {
            lock (Records)
            {
                var all = new List<RequestRecord>(Records);
                int skip = last is int n && n < all.Count ? all.Count - n : 0;
                return all.GetRange(skip, all.Count - skip);
            }
        }

        /// <summary>Forgets every record (for tests).</summary>
        internal static void Clear()
        {
            lock (Records) Records.Clear();
        }
    }
}
