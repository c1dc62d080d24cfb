#nullable enable
// A small forwarding HTTP proxy for the proxy tests (Proxy.Tests.ps1 compiles it with Add-Type); test-only, never shipped.
// It takes absolute-form requests ("GET http://127.0.0.1:5000/path HTTP/1.1"), forwards each one to its host over a
// new connection, relays the answer and closes. It counts what it forwarded and, when given a user name and password,
// demands "Proxy-Authorization: Basic ..." and answers 407 with "Proxy-Authenticate: Basic realm=..." otherwise.
// CONNECT (a tunnel for https://) is answered 407 when credentials are missing, else 502: the sandbox speaks plain HTTP.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PandaponTests
{
    public sealed class ForwardingProxy : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly string? _expectedAuthorization;
        private int _forwarded;
        private int _refused;

        public ForwardingProxy(string? userName = null, string? password = null)
        {
            if (userName != null) _expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password));
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            Task.Run(AcceptLoop);
        }

        public int Port { get; }
        public string Address => "http://127.0.0.1:" + Port;

        /// <summary>Requests forwarded to their host.</summary>
        public int Forwarded => Volatile.Read(ref _forwarded);

        /// <summary>Requests answered 407.</summary>
        public int Refused => Volatile.Read(ref _refused);

        /// <summary>Every request line received ("POST http://127.0.0.1:5000/alibaba/refund/info"), in order.</summary>
        public ConcurrentQueue<string> RequestLines { get; } = new ConcurrentQueue<string>();

        /// <summary>Every Proxy-Authorization header received (the tests check what the module sent).</summary>
        public ConcurrentQueue<string> Authorizations { get; } = new ConcurrentQueue<string>();

        public void Reset()
        {
            Interlocked.Exchange(ref _forwarded, 0);
            Interlocked.Exchange(ref _refused, 0);
            while (RequestLines.TryDequeue(out _)) { }
            while (Authorizations.TryDequeue(out _)) { }
        }

        public void Dispose() => _listener.Stop();

        private async Task AcceptLoop()
        {
            while (true)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false); }
                catch (Exception) { return; }   // stopped
                _ = Task.Run(() => Serve(client));
            }
        }

        private async Task Serve(TcpClient client)
        {
            using (client)
            {
                try
                {
                    NetworkStream stream = client.GetStream();
                    while (true)
                    {
                        string? head = ReadHead(stream);
                        if (head == null) return;
                        string[] lines = head.Split(new[] { "\r\n" }, StringSplitOptions.None);
                        string[] requestLine = lines[0].Split(' ');
                        var headers = new List<KeyValuePair<string, string>>();
                        for (int i = 1; i < lines.Length; i++)
                        {
                            int colon = lines[i].IndexOf(':');
                            if (colon > 0) headers.Add(new KeyValuePair<string, string>(lines[i].Substring(0, colon).Trim(), lines[i].Substring(colon + 1).Trim()));
                        }
                        RequestLines.Enqueue(requestLine[0] + " " + requestLine[1]);
                        string? authorization = Header(headers, "Proxy-Authorization");
                        if (authorization != null) Authorizations.Enqueue(authorization);
                        byte[] body = ReadBody(stream, Header(headers, "Content-Length"));

                        if (_expectedAuthorization != null && authorization != _expectedAuthorization)
                        {
                            Interlocked.Increment(ref _refused);
                            Write(stream, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"pandapon-test\"\r\n" +
                                "Content-Type: text/plain\r\nContent-Length: 23\r\n\r\nproxy: sign in, please.");
                            continue;   // the client may answer the challenge on this connection
                        }
                        if (requestLine[0] == "CONNECT")
                        {
                            Write(stream, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                            return;
                        }
                        await Forward(stream, requestLine, headers, body, () => Interlocked.Increment(ref _forwarded)).ConfigureAwait(false);
                        return;   // one forwarded request per connection: the origin closes after it
                    }
                }
                catch (IOException) { }
                catch (SocketException) { }
            }
        }

        /// <summary>Sends the request to its host and relays the answer; <paramref name="sent"/> counts it before the answer goes back, so a test that has the answer sees the count.</summary>
        private static async Task Forward(NetworkStream client, string[] requestLine, List<KeyValuePair<string, string>> headers, byte[] body, Action sent)
        {
            var target = new Uri(requestLine[1]);
            var head = new StringBuilder();
            head.Append(requestLine[0]).Append(' ').Append(target.PathAndQuery).Append(' ').Append(requestLine[2]).Append("\r\n");
            foreach (var header in headers)
            {
                string name = header.Key.ToLowerInvariant();
                if (name == "proxy-authorization" || name == "proxy-connection" || name == "connection" || name == "keep-alive") continue;
                head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
            }
            head.Append("Connection: close\r\n\r\n");
            using (var origin = new TcpClient())
            {
                await origin.ConnectAsync(target.Host, target.Port).ConfigureAwait(false);
                NetworkStream upstream = origin.GetStream();
                byte[] headBytes = Encoding.ASCII.GetBytes(head.ToString());
                await upstream.WriteAsync(headBytes, 0, headBytes.Length).ConfigureAwait(false);
                if (body.Length > 0) await upstream.WriteAsync(body, 0, body.Length).ConfigureAwait(false);
                sent();
                await upstream.CopyToAsync(client).ConfigureAwait(false);   // until the origin closes
            }
        }

        private static string? Header(List<KeyValuePair<string, string>> headers, string name)
        {
            foreach (var header in headers)
                if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)) return header.Value;
            return null;
        }

        /// <summary>The request line and headers, up to the blank line; null when the client closed first.</summary>
        private static string? ReadHead(Stream stream)
        {
            var bytes = new List<byte>();
            while (true)
            {
                int b = stream.ReadByte();
                if (b < 0) return null;
                bytes.Add((byte)b);
                int n = bytes.Count;
                if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n')
                    return Encoding.ASCII.GetString(bytes.ToArray(), 0, n - 4);
            }
        }

        private static byte[] ReadBody(Stream stream, string? contentLength)
        {
            int length = contentLength == null ? 0 : int.Parse(contentLength);
            var body = new byte[length];
            int read = 0;
            while (read < length)
            {
                int n = stream.Read(body, read, length - read);
                if (n <= 0) throw new IOException("The client closed the connection in the middle of the body.");
                read += n;
            }
            return body;
        }

        private static void Write(Stream stream, string text)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            stream.Write(bytes, 0, bytes.Length);
            stream.Flush();
        }
    }
}

namespace PandaponTests
{
    /// <summary>
    /// A SOCKS5 proxy (RFC 1928, CONNECT only) with the user name and password method (RFC 1929) when given them,
    /// else no authentication: it connects to the host asked for and copies bytes both ways, counting tunnels.
    /// </summary>
    public sealed class Socks5Proxy : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly string? _userName;
        private readonly string? _password;
        private int _tunnels;
        private int _refused;

        public Socks5Proxy(string? userName = null, string? password = null)
        {
            _userName = userName;
            _password = password;
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            Task.Run(AcceptLoop);
        }

        public int Port { get; }
        public string Address => "socks5://127.0.0.1:" + Port;
        public int Tunnels => Volatile.Read(ref _tunnels);
        public int Refused => Volatile.Read(ref _refused);

        public void Reset()
        {
            Interlocked.Exchange(ref _tunnels, 0);
            Interlocked.Exchange(ref _refused, 0);
        }

        public void Dispose() => _listener.Stop();

        private async Task AcceptLoop()
        {
            while (true)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false); }
                catch (Exception) { return; }
                _ = Task.Run(() => Serve(client));
            }
        }

        private async Task Serve(TcpClient client)
        {
            using (client)
            {
                try
                {
                    NetworkStream stream = client.GetStream();
                    byte[] greeting = ReadExactly(stream, 2);
                    byte[] methods = ReadExactly(stream, greeting[1]);
                    byte wanted = _userName == null ? (byte)0x00 : (byte)0x02;
                    if (Array.IndexOf(methods, wanted) < 0)
                    {
                        Interlocked.Increment(ref _refused);
                        stream.Write(new byte[] { 0x05, 0xFF }, 0, 2);
                        return;
                    }
                    stream.Write(new byte[] { 0x05, wanted }, 0, 2);
                    if (_userName != null)
                    {
                        ReadExactly(stream, 1);
                        string user = Encoding.UTF8.GetString(ReadExactly(stream, ReadExactly(stream, 1)[0]));
                        string password = Encoding.UTF8.GetString(ReadExactly(stream, ReadExactly(stream, 1)[0]));
                        bool ok = user == _userName && password == _password;
                        if (!ok) Interlocked.Increment(ref _refused);   // counted before the client hears of it
                        stream.Write(new byte[] { 0x01, ok ? (byte)0x00 : (byte)0x01 }, 0, 2);
                        if (!ok) return;
                    }
                    byte[] request = ReadExactly(stream, 4);
                    string host;
                    if (request[3] == 0x01) host = new IPAddress(ReadExactly(stream, 4)).ToString();
                    else if (request[3] == 0x04) host = new IPAddress(ReadExactly(stream, 16)).ToString();
                    else host = Encoding.ASCII.GetString(ReadExactly(stream, ReadExactly(stream, 1)[0]));
                    byte[] portBytes = ReadExactly(stream, 2);
                    int port = (portBytes[0] << 8) | portBytes[1];
                    using (var origin = new TcpClient())
                    {
                        await origin.ConnectAsync(host, port).ConfigureAwait(false);
                        Interlocked.Increment(ref _tunnels);
                        stream.Write(new byte[] { 0x05, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0 }, 0, 10);
                        NetworkStream upstream = origin.GetStream();
                        Task up = stream.CopyToAsync(upstream).ContinueWith(_ => origin.Client.Shutdown(SocketShutdown.Send));
                        await upstream.CopyToAsync(stream).ConfigureAwait(false);
                        await up.ConfigureAwait(false);
                    }
                }
                catch (IOException) { }
                catch (SocketException) { }
                catch (ObjectDisposedException) { }
            }
        }

        private static byte[] ReadExactly(Stream stream, int count)
        {
            var buffer = new byte[count];
            int read = 0;
            while (read < count)
            {
                int n = stream.Read(buffer, read, count - read);
                if (n <= 0) throw new IOException("The client closed the connection.");
                read += n;
            }
            return buffer;
        }
    }
}
