using System.Net;
using System.Net.Http;
using System.Text;
using Pandapon.Client;

namespace Pandapon.Tests;

/// <summary>What the fake handler saw of one request.</summary>
internal sealed record SeenRequest(string Method, Uri Url, Dictionary<string, string> Headers, string? Body);

/// <summary>
/// An HttpMessageHandler that answers from a script, one responder per attempt (the last one repeats), and
/// records every request it was sent.
/// </summary>
internal sealed class FakeHandler : HttpMessageHandler
{
    private readonly List<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script;
    private int _next;

    public FakeHandler(params Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>[] script) => _script = script.ToList();

    public List<SeenRequest> Seen { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        string? body = request.Content == null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        if (request.Content != null) headers["Content-Type"] = request.Content.Headers.ContentType!.ToString();
        lock (Seen) Seen.Add(new SeenRequest(request.Method.Method, request.RequestUri!, headers, body));
        var responder = _script[Math.Min(Interlocked.Increment(ref _next) - 1, _script.Count - 1)];
        return await responder(request, cancellationToken);
    }

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Json(int status, string json, int? retryAfterSeconds = null)
        => (_, _) =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            if (retryAfterSeconds is int seconds) response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
            return Task.FromResult(response);
        };

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Ok(string dataJson = "{}")
        => Json(200, "{\"requestId\":\"0d1de79d9f4540308d14c558f86cb3da\",\"code\":200,\"developId\":\"1110890638347337996\",\"msg\":\"成功\",\"data\":" + dataJson + "}");

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Error(int status, int code, string msg)
        => Json(status, $"{{\"requestId\":\"ffffffffffffffffffffffffffffffff\",\"code\":{code},\"developId\":null,\"msg\":\"{msg}\",\"data\":null}}");

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Throws(Exception e)
        => (_, _) => Task.FromException<HttpResponseMessage>(e);

    /// <summary>Never answers: ends only when the request is cancelled (by the timeout or the caller).</summary>
    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Hang()
        => async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("not reached");
        };
}

/// <summary>Collects what the client logs.</summary>
internal sealed class ListLog : Pandapon.Client.IRequestLog
{
    public List<string> Verbose { get; } = new();
    public List<string> Debug { get; } = new();
    public bool IsDebugEnabled => true;
    void Pandapon.Client.IRequestLog.Verbose(string message) { lock (Verbose) Verbose.Add(message); }
    void Pandapon.Client.IRequestLog.Debug(string message) { lock (Debug) Debug.Add(message); }
}
