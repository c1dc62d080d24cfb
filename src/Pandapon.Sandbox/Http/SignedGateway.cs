using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Pandapon.Sandbox.Http;

/// <summary>What a signed endpoint sees: the request, already authenticated.</summary>
public sealed record SignedRequest(string Method, string Path, IQueryCollection Query, string Body);

/// <summary>What a signed endpoint answers: the <c>data</c> JSON of a success, or a failure.</summary>
public readonly record struct ApiResult(byte[]? Data, ApiFailure? Failure, ApiError? RefusedAs = null)
{
    public static ApiResult Ok(byte[] data) => new(data, null);

    /// <summary>A success envelope whose <c>data</c> says no (1688's <c>data.success=false</c>): counted as a refusal, not a success.</summary>
    public static ApiResult RefusedInData(byte[] data, ApiError reason) => new(data, null, reason);

    public static implicit operator ApiResult(ApiFailure failure) => new(null, failure);
}

/// <summary>
/// The front door of every signed path, in the order the service would meet a request: count it, wait the
/// configured latency, maybe inject a fault, check the method, read the body, authenticate, then let the
/// endpoint answer. Endpoints hold only their own logic; later endpoints are added with <see cref="Map"/>.
/// </summary>
public sealed class SignedGateway(
    SandboxOptions options, Authenticator authenticator, FaultInjector faults, SandboxStats stats, Envelope envelope,
    IHostApplicationLifetime lifetime)
{
    private readonly RateLimitWindow _rateLimit = new(options.RateLimit, options.RateLimitBurst);

    public const int MaxBodyBytes = 64 * 1024;
    public static readonly TimeSpan StallTime = TimeSpan.FromSeconds(120);

    private const string BadGatewayPage =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n" +
        "<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n";

    private long _sequence;
    private byte[] _malformedBody = [];

    /// <summary>A complete success envelope is cut in the middle of this record for the malformed fault.</summary>
    public void UseForMalformed(byte[] recordData)
    {
        byte[] whole = envelope.Success(recordData);
        // Cut just after a comma near the middle: the JSON is unfinished, the UTF-8 is still valid.
        int cut = Array.IndexOf(whole, (byte)',', whole.Length / 2);
        _malformedBody = whole[..(cut > 0 ? cut + 1 : whole.Length / 2)];
    }

    public void Map(IEndpointRouteBuilder routes, string method, string path, Func<SignedRequest, ApiResult> handler)
    {
        int pathIndex = stats.PathIndex(path);
        routes.Map(path, context => HandleAsync(context, method, pathIndex, handler));
    }

    /// <summary>Any path the sandbox does not serve: an envelope, counted as "other".</summary>
    public Task NoSuchPathAsync(HttpContext context)
    {
        stats.CountRequest(stats.PathIndex(SandboxStats.OtherPath));
        return Refuse(context, ApiError.NoSuchPath.With($"{context.Request.Method} {Authenticator.Shorten(context.Request.Path.Value ?? "")}"), identified: false);
    }

    private async Task HandleAsync(HttpContext context, string method, int pathIndex, Func<SignedRequest, ApiResult> handler)
    {
        stats.CountRequest(pathIndex);
        long sequence = Interlocked.Increment(ref _sequence);
        HttpRequest request = context.Request;

        if (options.LatencyMs > 0 && !await WaitAsync(context, TimeSpan.FromMilliseconds(options.LatencyMs)))
            return;

        if (faults.Pick(sequence) is FaultKind fault)
        {
            stats.CountFault(fault);
            if (fault != FaultKind.Stall)
            {
                await AnswerFaultAsync(context, fault);
                return;
            }
            // A stall answers normally afterwards, if the client is still there.
            if (!await WaitAsync(context, StallTime)) return;
        }

        if (!HttpMethods.Equals(request.Method, method))
        {
            context.Response.Headers.Allow = method;
            await Refuse(context, ApiError.MethodNotAllowed.With($"{request.Method} {request.Path}; use {method}"), identified: false);
            return;
        }

        string? body = await ReadBodyAsync(request, context.RequestAborted);
        if (body is null)
        {
            await Refuse(context, ApiError.InvalidRequest.With($"body larger than {MaxBodyBytes} bytes"), identified: false);
            return;
        }

        if (authenticator.Check(request.Headers, method, request.Path.Value ?? "", body) is ApiFailure refusal)
        {
            await Refuse(context, refusal, identified: false);
            return;
        }

        if (_rateLimit.TryAdmit(request.Headers["access-key"].ToString()) is int retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Refuse(context, ApiError.RateLimited.With($"more than {options.RateLimit} requests per second for this access-key"), identified: true);
            return;
        }

        ApiResult result = handler(new SignedRequest(method, request.Path.Value ?? "", request.Query, body));
        if (result.Failure is ApiFailure failure)
        {
            await Refuse(context, failure, identified: true);
            return;
        }
        if (result.RefusedAs is ApiError refusedAs) stats.CountRefusal(refusedAs);
        else stats.CountSuccess();
        await envelope.WriteSuccessAsync(context.Response, result.Data!);
    }

    private Task Refuse(HttpContext context, ApiFailure failure, bool identified)
    {
        stats.CountRefusal(failure.Error);
        return envelope.WriteFailureAsync(context.Response, failure, identified);
    }

    private async Task AnswerFaultAsync(HttpContext context, FaultKind fault)
    {
        HttpResponse response = context.Response;
        switch (fault)
        {
            case FaultKind.RateLimit:
                response.Headers.RetryAfter = "1";
                await envelope.WriteFailureAsync(response, ApiError.TooManyRequests.With(), identified: false);
                break;
            case FaultKind.Server:
                await envelope.WriteFailureAsync(response, ApiError.InternalError.With(), identified: false);
                break;
            case FaultKind.BadGateway:
                // What Alibaba's Tengine front end sends when the service behind it is down.
                response.StatusCode = StatusCodes.Status502BadGateway;
                response.ContentType = "text/html";
                response.Headers.Server = "Tengine";
                response.ContentLength = Encoding.ASCII.GetByteCount(BadGatewayPage);
                await response.WriteAsync(BadGatewayPage);
                break;
            case FaultKind.Malformed:
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = Envelope.JsonContentType;
                response.ContentLength = _malformedBody.Length;
                await response.Body.WriteAsync(_malformedBody);
                break;
            case FaultKind.Reset:
                // Linger 0 makes the close a TCP RST, which is what a crashed upstream or a dropped
                // connection looks like to the client; plain Abort alone may close politely with FIN.
                if (context.Features.Get<IConnectionSocketFeature>()?.Socket is Socket socket)
                    socket.LingerState = new LingerOption(true, 0);
                context.Abort();
                break;
        }
    }

    /// <summary>Waits without holding a thread; false if the client left or the sandbox is stopping.</summary>
    private async Task<bool> WaitAsync(HttpContext context, TimeSpan delay)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(delay, cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            context.Abort();
            return false;
        }
    }

    /// <summary>The body as UTF-8 text ("" when there is none), or null when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancel)
    {
        if (request.ContentLength == 0) return "";
        if (request.ContentLength > MaxBodyBytes) return null;
        var buffer = new byte[Math.Min(request.ContentLength ?? 4096, MaxBodyBytes) + 1];
        int filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                if (buffer.Length > MaxBodyBytes) return null;
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
            }
            int read = await request.Body.ReadAsync(buffer.AsMemory(filled), cancel);
            if (read == 0) break;
            filled += read;
        }
        return filled > MaxBodyBytes ? null : Encoding.UTF8.GetString(buffer, 0, filled);
    }
}
