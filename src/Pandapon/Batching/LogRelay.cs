using System.Collections.Concurrent;
using Pandapon.Client;

namespace Pandapon.Batching
{
    /// <summary>The stream a client line goes to.</summary>
    public enum LogStream
    {
        Verbose,
        Debug,
    }

    /// <summary>
    /// Collects the client's Verbose and Debug lines from any thread (requests run on worker threads); the pipeline
    /// thread takes them in order and writes them, since a cmdlet may write only from that thread.
    /// </summary>
    public sealed class LogRelay : IRequestLog
    {
        private readonly ConcurrentQueue<(LogStream Stream, string Line)> _lines = new ConcurrentQueue<(LogStream, string)>();
        private readonly bool _verbose;

        public LogRelay(bool verbose, bool debug)
        {
            _verbose = verbose;
            IsDebugEnabled = debug;
        }

        public bool IsDebugEnabled { get; }

        public void Verbose(string message)
        {
            if (_verbose) _lines.Enqueue((LogStream.Verbose, message));
        }

        public void Debug(string message)
        {
            if (IsDebugEnabled) _lines.Enqueue((LogStream.Debug, message));
        }

        /// <summary>The next line in the order written, or false when none is waiting.</summary>
        public bool TryTake(out LogStream stream, out string line)
        {
            bool taken = _lines.TryDequeue(out var next);
            stream = next.Stream;
            line = next.Line ?? "";
            return taken;
        }
    }
}
