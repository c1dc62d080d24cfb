using System.Diagnostics;

namespace Pandapon.Sandbox.Http;

/// <summary>
/// <c>--rate-limit n</c> and <c>--rate-limit-burst b</c>: per access key, at most n requests admitted in any sliding
/// second and at most b in any sliding 100 ms. A request over either is refused with the seconds until a place frees
/// (rounded up, at least 1: Retry-After counts whole seconds). Refused requests take no place.
/// </summary>
public sealed class RateLimitWindow(int perSecond, int burst)
{
    private static readonly long Second = Stopwatch.Frequency;
    private static readonly long BurstSpan = Stopwatch.Frequency / 10;
    private readonly Dictionary<string, Queue<long>> _admitted = new(StringComparer.Ordinal);

    public bool Enabled => perSecond > 0;

    /// <summary>Null when admitted (and counted); else the Retry-After in whole seconds.</summary>
    public int? TryAdmit(string accessKey) => TryAdmit(accessKey, Stopwatch.GetTimestamp());

    internal int? TryAdmit(string accessKey, long now)
    {
        if (!Enabled) return null;
        lock (_admitted)
        {
            if (!_admitted.TryGetValue(accessKey, out Queue<long>? times)) _admitted[accessKey] = times = new Queue<long>();
            while (times.Count > 0 && now - times.Peek() >= Second) times.Dequeue();
            long? freeAt = null;
            if (times.Count >= perSecond) freeAt = times.Peek() + Second;
            else if (burst > 0 && burst < perSecond && times.Count >= burst)
            {
                // b admissions in the last 100 ms when the b-th newest is younger than that.
                long bthNewest = times.ElementAt(times.Count - burst);
                if (now - bthNewest < BurstSpan) freeAt = bthNewest + BurstSpan;
            }
            if (freeAt is long at) return Math.Max(1, (int)Math.Ceiling((at - now) / (double)Second));
            times.Enqueue(now);
            return null;
        }
    }
}
