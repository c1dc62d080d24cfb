using System;
using System.Collections.Generic;

namespace Pandapon.Messages
{
    /// <summary>
    /// Remembers message ids for a time window, so that a message PandaPon pushes again (after a missed
    /// acknowledgement, every half hour up to 5 times) is recognised. Bounded: past <see cref="Capacity"/> ids the
    /// oldest are forgotten first, so memory stays flat under any load.
    /// </summary>
    internal sealed class DuplicateFilter
    {
        public const int DefaultCapacity = 200_000;

        private readonly Dictionary<string, DateTime> _seen = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        private readonly Queue<KeyValuePair<string, DateTime>> _order = new Queue<KeyValuePair<string, DateTime>>();
        private readonly TimeSpan _window;
        private readonly Func<DateTime> _clock;
        private readonly object _gate = new object();

        public DuplicateFilter(TimeSpan window, int capacity = DefaultCapacity, Func<DateTime>? clock = null)
        {
            _window = window;
            Capacity = capacity;
            _clock = clock ?? (() => DateTime.UtcNow);
        }

        public int Capacity { get; }

        /// <summary>True the first time <paramref name="messageId"/> is seen within the window; false for a repeat.</summary>
        public bool IsFirst(string messageId)
        {
            lock (_gate)
            {
                DateTime now = _clock();
                Forget(now);
                if (_seen.ContainsKey(messageId)) return false;
                _seen[messageId] = now;
                _order.Enqueue(new KeyValuePair<string, DateTime>(messageId, now));
                return true;
            }
        }

        private void Forget(DateTime now)
        {
            while (_order.Count > 0 && (now - _order.Peek().Value >= _window || _order.Count >= Capacity))
                _seen.Remove(_order.Dequeue().Key);
        }
    }
}
