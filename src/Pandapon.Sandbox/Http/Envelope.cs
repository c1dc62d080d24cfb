using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pandapon.Sandbox.Data;

namespace Pandapon.Sandbox.Http;

/// <summary>
/// Writes the API envelope <c>{"requestId","code","developId","msg","data"}</c>. A success is the record's
/// ready-made JSON between a prefix and a brace, written straight into the response pipe.
/// </summary>
public sealed class Envelope
{
    public const string JsonContentType = "application/json;charset=UTF-8";
    public const string SuccessMsg = "成功";

    private static readonly byte[] RequestIdPrefix = "{\"requestId\":\""u8.ToArray();
    private readonly byte[] _successMiddle;
    private readonly string _developId;

    public Envelope(string developId)
    {
        _developId = developId;
        _successMiddle = Encoding.UTF8.GetBytes($"\",\"code\":200,\"developId\":\"{developId}\",\"msg\":\"{SuccessMsg}\",\"data\":");
    }

    /// <summary>The whole success envelope around <paramref name="data"/>, as bytes (for the malformed fault).</summary>
    public byte[] Success(ReadOnlySpan<byte> data)
    {
        var buffer = new ArrayBufferWriter<byte>(data.Length + 160);
        WriteSuccess(buffer, data);
        return buffer.WrittenSpan.ToArray();
    }

    public Task WriteSuccessAsync(HttpResponse response, ReadOnlySpan<byte> data)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        response.ContentLength = RequestIdPrefix.Length + 32 + _successMiddle.Length + data.Length + 1;
        WriteSuccess(response.BodyWriter, data);
        return response.BodyWriter.FlushAsync().AsTask();
    }

    /// <summary>
    /// An error envelope. <paramref name="identified"/>: the caller got past authentication, so the answer
    /// names the developer; refusals before that carry a null developId, as an anonymous caller would get.
    /// </summary>
    public Task WriteFailureAsync(HttpResponse response, ApiFailure failure, bool identified)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, RefundJson.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("requestId", NewRequestId());
            w.WriteNumber("code", failure.Code);
            if (identified) w.WriteString("developId", _developId);
            else w.WriteNull("developId");
            w.WriteString("msg", failure.Msg);
            w.WriteNull("data");
            w.WriteEndObject();
        }
        response.StatusCode = failure.Error.HttpStatus;
        response.ContentType = JsonContentType;
        response.ContentLength = buffer.WrittenCount;
        return response.Body.WriteAsync(buffer.WrittenMemory).AsTask();
    }

    /// <summary>32 lowercase hex digits, fresh per request, like the service's requestId.</summary>
    public static string NewRequestId() => Guid.NewGuid().ToString("N");

    private void WriteSuccess(IBufferWriter<byte> writer, ReadOnlySpan<byte> data)
    {
        writer.Write(RequestIdPrefix);
        Span<byte> id = writer.GetSpan(32);
        Guid.NewGuid().TryFormat(id, out int written, "N");
        writer.Advance(written);
        writer.Write(_successMiddle);
        writer.Write(data);
        writer.Write("}"u8);
    }
}
