using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Pandapon.Sandbox.Http;

/// <summary>
/// The nonces seen in the last <c>window</c>, to refuse a replayed request. Bounded: it keeps a 16-byte digest
/// per nonce (not the text) and at most <c>capacity</c> of them (about 50 bytes each); past that the oldest is
/// forgotten first, which only shortens the window under a load far above any test's.
/// </summary>
public sealed class NonceCache(TimeSpan window, int capacity)
{
    public const int DefaultCapacity = 500_000;

    private readonly HashSet<UInt128> _seen = [];
    private readonly Queue<(UInt128 Key, long ExpiresMs)> _byAge = new();
    private readonly long _windowMs = (long)window.TotalMilliseconds;
    private readonly Lock _lock = new();

    /// <summary>Records the nonce and returns true, or returns false if it was seen within the window.</summary>
    public bool TryUse(string nonce)
    {
        UInt128 key = Digest(nonce);
        long now = Environment.TickCount64;
        lock (_lock)
        {
            while (_byAge.TryPeek(out var oldest) && (oldest.ExpiresMs <= now || _seen.Count >= capacity))
            {
                _byAge.Dequeue();
                _seen.Remove(oldest.Key);
            }
            if (!_seen.Add(key)) return false;
            _byAge.Enqueue((key, now + _windowMs));
            return true;
        }
    }

    private static UInt128 Digest(string nonce)
    {
        Span<byte> digest = stackalloc byte[16];
        MD5.HashData(Encoding.UTF8.GetBytes(nonce), digest);
        return MemoryMarshal.Read<UInt128>(digest);
    }
}
