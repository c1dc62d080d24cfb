using System.Buffers;
using System.Text.Json;

namespace Pandapon.Sandbox.Http;

/// <summary>
/// Counters for <c>/sandbox/stats</c>: requests per signed path, refusals per reason, injected faults per kind.
/// Fixed keys and lock-free increments, so counting never slows a request down. Every key is always present.
/// </summary>
public sealed class SandboxStats
{
    /// <summary>The key for requests to paths the sandbox does not serve.</summary>
    public const string OtherPath = "other";

    private readonly string[] _paths;
    private readonly long[] _requests;
    private readonly long[] _refusals = new long[ApiError.All.Length];
    private readonly long[] _faults = new long[FaultNames.Names.Length];
    private long _succeeded;
    private long _total;

    public SandboxStats(IEnumerable<string> signedPaths)
    {
        _paths = [.. signedPaths, OtherPath];
        _requests = new long[_paths.Length];
    }

    /// <summary>The index of a path for <see cref="CountRequest"/>; unknown paths count as "other".</summary>
    public int PathIndex(string path)
    {
        int i = Array.IndexOf(_paths, path);
        return i >= 0 ? i : _paths.Length - 1;
    }

    public void CountRequest(int pathIndex)
    {
        Interlocked.Increment(ref _requests[pathIndex]);
        Interlocked.Increment(ref _total);
    }

    public void CountRefusal(ApiError error) => Interlocked.Increment(ref _refusals[error.Index]);

    public void CountFault(FaultKind kind) => Interlocked.Increment(ref _faults[(int)kind]);

    public void CountSuccess() => Interlocked.Increment(ref _succeeded);

    public void Reset()
    {
        for (int i = 0; i < _requests.Length; i++) Interlocked.Exchange(ref _requests[i], 0);
        for (int i = 0; i < _refusals.Length; i++) Interlocked.Exchange(ref _refusals[i], 0);
        for (int i = 0; i < _faults.Length; i++) Interlocked.Exchange(ref _faults[i], 0);
        Interlocked.Exchange(ref _succeeded, 0);
        Interlocked.Exchange(ref _total, 0);
    }

    /// <summary><c>{"requests":{path:n},"refusals":{reason:n},"faults":{kind:n},"succeeded":n,"total":n}</c></summary>
    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartObject("requests");
            for (int i = 0; i < _paths.Length; i++) w.WriteNumber(_paths[i], Interlocked.Read(ref _requests[i]));
            w.WriteEndObject();
            w.WriteStartObject("refusals");
            foreach (var error in ApiError.All) w.WriteNumber(error.Reason, Interlocked.Read(ref _refusals[error.Index]));
            w.WriteEndObject();
            w.WriteStartObject("faults");
            for (int i = 0; i < _faults.Length; i++) w.WriteNumber(FaultNames.Names[i], Interlocked.Read(ref _faults[i]));
            w.WriteEndObject();
            w.WriteNumber("succeeded", Interlocked.Read(ref _succeeded));
            w.WriteNumber("total", Interlocked.Read(ref _total));
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
