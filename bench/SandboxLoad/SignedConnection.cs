using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Pandapon.Client;

namespace Pandapon.Bench;

/// <summary>One keep-alive HTTP/1.1 connection that sends signed refund requests, one at a time.</summary>
internal sealed class SignedConnection : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLength = "content-length:"u8.ToArray();
    private static readonly byte[] Success = "\"code\":200,"u8.ToArray();

    private readonly Socket _socket;
    private readonly SigningInput _credentials;
    private readonly string _host;
    private byte[] _buffer = new byte[16 * 1024];
    private int _filled;

    private SignedConnection(Socket socket, SigningInput credentials, string host)
    {
        _socket = socket;
        _credentials = credentials;
        _host = host;
    }

    public static async Task<SignedConnection> OpenAsync(Uri endpoint, SigningInput credentials)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endpoint.Host, endpoint.Port);
        return new SignedConnection(socket, credentials, endpoint.Authority);
    }

    /// <summary>Sends one signed POST /alibaba/refund/info and reads the whole answer; true if it was a success.</summary>
    public async Task<bool> PostRefundInfoAsync(byte[] body)
    {
        var input = new SigningInput
        {
            AccessKey = _credentials.AccessKey,
            SecretKey = _credentials.SecretKey,
            UserId = _credentials.UserId,
            Timestamp = RequestSigner.Timestamp(DateTimeOffset.UtcNow),
            Nonce = RequestSigner.NewNonce(),
        };
        string head =
            "POST /alibaba/refund/info HTTP/1.1\r\n" +
            $"Host: {_host}\r\n" +
            $"access-key: {input.AccessKey}\r\n" +
            $"timestamp: {input.Timestamp}\r\n" +
            $"nonce-str: {input.Nonce}\r\n" +
            $"user-id: {input.UserId}\r\n" +
            $"signature: {RequestSigner.Sign(SignatureOptions.Default, input)}\r\n" +
            "Content-Type: application/json\r\n" +
            $"Content-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n";
        byte[] request = new byte[Encoding.ASCII.GetByteCount(head) + body.Length];
        int headLength = Encoding.ASCII.GetBytes(head, request);
        body.CopyTo(request, headLength);
        await _socket.SendAsync(request, SocketFlags.None);

        int headerEnd;
        while ((headerEnd = _buffer.AsSpan(0, _filled).IndexOf(HeaderEnd)) < 0)
            if (!await FillAsync()) return false;
        var header = _buffer.AsSpan(0, headerEnd);
        bool ok = header.StartsWith("HTTP/1.1 200 "u8);
        int length = ReadContentLength(header);
        if (length < 0) return false;
        int total = headerEnd + HeaderEnd.Length + length;
        while (_filled < total)
            if (!await FillAsync()) return false;
        ok &= _buffer.AsSpan(headerEnd + HeaderEnd.Length, length).IndexOf(Success) > 0;

        // Keep whatever came after this answer (nothing, with one request in flight).
        _buffer.AsSpan(total, _filled - total).CopyTo(_buffer);
        _filled -= total;
        return ok;
    }

    public void Dispose() => _socket.Dispose();

    private async Task<bool> FillAsync()
    {
        if (_filled == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        int read = await _socket.ReceiveAsync(_buffer.AsMemory(_filled), SocketFlags.None);
        _filled += read;
        return read > 0;
    }

    private static int ReadContentLength(ReadOnlySpan<byte> header)
    {
        Span<byte> lower = header.Length <= 4096 ? stackalloc byte[header.Length] : new byte[header.Length];
        for (int i = 0; i < header.Length; i++) lower[i] = (byte)char.ToLowerInvariant((char)header[i]);
        int at = lower.IndexOf(ContentLength);
        if (at < 0) return -1;
        var rest = header[(at + ContentLength.Length)..];
        int end = rest.IndexOf("\r\n"u8);
        if (end >= 0) rest = rest[..end];
        return int.TryParse(Encoding.ASCII.GetString(rest).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : -1;
    }
}
