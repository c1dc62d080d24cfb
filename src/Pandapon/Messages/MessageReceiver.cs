using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Pandapon.Values;

namespace Pandapon.Messages
{
    /// <summary>What one HTTP request to the receiver brought: a message, a refused body, or a note for -Verbose.</summary>
    internal sealed class ReceivedRequest
    {
        public MessageEnvelope? Envelope { get; set; }
        public InvalidMessageException? Error { get; set; }
        public string? Note { get; set; }
        public int StatusCode { get; set; }
    }

    /// <summary>
    /// The HTTP side of Receive-PandaponMessage, on <see cref="HttpListener"/> (in the box on .NET and .NET Framework).
    /// Each request is answered on a pool thread as soon as its body is read and checked, before the pipeline sees it,
    /// because PandaPon waits only 1,000 ms for the 200: 200 for a message, 400 for a body that is not one, 413 past
    /// <see cref="MaxBodyBytes"/> (read in chunks, never buffered whole), 405 for other methods, 503 when the pipeline is
    /// <see cref="QueueCapacity"/> messages behind (PandaPon pushes again later). Results wait in a bounded queue.
    /// </summary>
    internal sealed class MessageReceiver : IDisposable
    {
        public const int MaxBodyBytes = 1 << 20;
        public const int QueueCapacity = 10_000;

        /// <summary>Past this much an oversized body is not read to its end: the connection is dropped.</summary>
        private const long DrainLimit = 64L << 20;

        private readonly HttpListener _listener = new HttpListener();
        private readonly BlockingCollection<ReceivedRequest> _queue = new BlockingCollection<ReceivedRequest>(new ConcurrentQueue<ReceivedRequest>());
        private int _disposed;

        private MessageReceiver(string prefix)
        {
            Prefix = prefix;
            _listener.Prefixes.Add(prefix);
            _listener.IgnoreWriteExceptions = true;
        }

        public string Prefix { get; }

        /// <summary>Starts listening on <paramref name="prefix"/> (checked by <see cref="ListenerPrefix"/>); HttpListenerException when the port is taken.</summary>
        public static MessageReceiver Start(string prefix)
        {
            var receiver = new MessageReceiver(prefix);
            try
            {
                receiver._listener.Start();
            }
            catch
            {
                receiver.Dispose();
                throw;
            }
            Task.Run(receiver.AcceptAsync);
            return receiver;
        }

        /// <summary>The next request's result, waiting up to <paramref name="timeout"/>; OperationCanceledException when <paramref name="cancel"/> fires.</summary>
        public bool TryTake(out ReceivedRequest? item, TimeSpan timeout, CancellationToken cancel)
            => _queue.TryTake(out item, (int)Math.Min(int.MaxValue, Math.Max(0, timeout.TotalMilliseconds)), cancel);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            try
            {
                _listener.Close();   // frees the port at once; requests in flight are aborted
            }
            catch (ObjectDisposedException)
            {
            }
        }

        private async Task AcceptAsync()
        {
            while (Volatile.Read(ref _disposed) == 0)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception) when (Volatile.Read(ref _disposed) == 1)
                {
                    return;
                }
                catch (HttpListenerException)
                {
                    continue;   // one broken connection; the listener goes on
                }
                _ = Task.Run(() => HandleAsync(context));
            }
        }

        private async Task HandleAsync(HttpListenerContext context)
        {
            var request = context.Request;
            var response = context.Response;
            try
            {
                if (!string.Equals(request.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                {
                    response.AddHeader("Allow", "POST");
                    Respond(response, 405, "PandaPon messages are POSTed.");
                    Enqueue(new ReceivedRequest { StatusCode = 405, Note = $"answered 405 to {Printable(request.HttpMethod)} {request.Url?.AbsolutePath} from {request.RemoteEndPoint}" });
                    return;
                }

                var (body, length, tooLarge) = await ReadBoundedAsync(request.InputStream, request.ContentLength64).ConfigureAwait(false);
                if (tooLarge)
                {
                    if (length < 0)
                    {
                        response.Abort();
                    }
                    else
                    {
                        response.KeepAlive = false;
                        Respond(response, 413, $"A message is at most {MaxBodyBytes} bytes.");
                    }
                    var error = new InvalidMessageException($"the body is larger than {MaxBodyBytes} bytes (1 MiB)", Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 400))) { TooLarge = true };
                    Enqueue(new ReceivedRequest { StatusCode = 413, Error = error });
                    return;
                }
                if (length == 0)
                {
                    // Inferred: the console's "Verify" button expects a 200 from the URL; an empty POST is such a ping.
                    Respond(response, 200, "");
                    Enqueue(new ReceivedRequest { StatusCode = 200, Note = $"answered 200 to an empty POST from {request.RemoteEndPoint} (a verification ping?)" });
                    return;
                }

                MessageEnvelope envelope;
                try
                {
                    envelope = MessageEnvelope.Parse(body, length);
                }
                catch (InvalidMessageException e)
                {
                    Respond(response, 400, e.Reason);
                    Enqueue(new ReceivedRequest { StatusCode = 400, Error = e });
                    return;
                }
                if (_queue.Count >= QueueCapacity)
                {
                    Respond(response, 503, "Busy; push again later.");
                    Enqueue(new ReceivedRequest { StatusCode = 503, Note = $"answered 503 to a {envelope.MessageType}: the pipeline is {QueueCapacity} messages behind" }, force: true);
                    return;
                }
                Respond(response, 200, "");
                Enqueue(new ReceivedRequest { StatusCode = 200, Envelope = envelope });
            }
            catch (Exception e) when (e is HttpListenerException || e is IOException || e is ObjectDisposedException || e is InvalidOperationException)
            {
                // The sender went away, or the receiver is closing: nothing to answer.
                try { response.Abort(); } catch (Exception) { }
            }
        }

        /// <summary>
        /// Reads at most <see cref="MaxBodyBytes"/>; a longer body is read on to its end into a small scratch buffer (so
        /// the sender sees the 413) up to <see cref="DrainLimit"/>, past which length is -1 and the connection is dropped.
        /// </summary>
        private static async Task<(byte[] Body, int Length, bool TooLarge)> ReadBoundedAsync(Stream input, long declared)
        {
            var buffer = new byte[declared > 0 && declared <= MaxBodyBytes ? declared : Math.Min(64 * 1024, MaxBodyBytes)];
            int length = 0;
            if (declared <= MaxBodyBytes)
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (buffer.Length >= MaxBodyBytes)
                        {
                            // Full: one more byte means too large.
                            var probe = new byte[1];
                            if (await input.ReadAsync(probe, 0, 1).ConfigureAwait(false) == 0) return (buffer, length, false);
                            break;
                        }
                        Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, MaxBodyBytes));
                    }
                    int read = await input.ReadAsync(buffer, length, buffer.Length - length).ConfigureAwait(false);
                    if (read == 0) return (buffer, length, false);
                    length += read;
                }
            }
            long drained = length;
            var scratch = new byte[64 * 1024];
            while (drained <= DrainLimit)
            {
                int read = await input.ReadAsync(scratch, 0, scratch.Length).ConfigureAwait(false);
                if (read == 0) return (buffer, length, true);
                if (length == 0) Array.Copy(scratch, buffer, Math.Min(read, buffer.Length));
                drained += read;
            }
            return (buffer, -1, true);
        }

        private static void Respond(HttpListenerResponse response, int status, string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            response.StatusCode = status;
            response.ContentType = "text/plain; charset=utf-8";
            response.ContentLength64 = bytes.Length;
            if (bytes.Length > 0) response.OutputStream.Write(bytes, 0, bytes.Length);
            response.Close();
        }

        private void Enqueue(ReceivedRequest item, bool force = false)
        {
            if (Volatile.Read(ref _disposed) == 1) return;
            if (force || _queue.Count < QueueCapacity + 100)
            {
                try
                {
                    _queue.Add(item);
                }
                catch (InvalidOperationException)
                {
                }
            }
        }

        private static string Printable(string? text) => ShownValue.Shorten(text ?? "", InvalidMessageException.MaxPreview);
    }
}
