namespace Pandapon.Sandbox.Data;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014): our own generator, so the data is the same on every machine and
/// every .NET version (System.Random's sequence is not promised across versions).
/// </summary>
public sealed class SplitMix64(ulong state)
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;
    private ulong _state = state;

    /// <summary>The finalizer alone: a good 64-bit mix of one value (used to derive independent streams).</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>A generator for item <paramref name="index"/> of a stream: items do not depend on each other.</summary>
    public static SplitMix64 ForItem(long seed, ulong stream, long index)
        => new(Mix(Mix((ulong)seed ^ stream) + Gamma * (ulong)index));

    public ulong NextUInt64()
    {
        _state += Gamma;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1), 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [min, max), without modulo bias (Lemire's multiply-shift with rejection).</summary>
    public long Next(long min, long max)
    {
        if (max <= min) return min;
        ulong range = (ulong)(max - min);
        ulong threshold = unchecked(0UL - range) % range;
        while (true)
        {
            ulong x = NextUInt64();
            UInt128 product = (UInt128)x * range;
            if ((ulong)product >= threshold)
                return min + (long)(ulong)(product >> 64);
        }
    }

    public int Next(int min, int max) => (int)Next((long)min, max);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];

    /// <summary>Picks by weight; <paramref name="weights"/> need not add up to anything in particular.</summary>
    public T PickWeighted<T>(IReadOnlyList<(T Item, int Weight)> weighted)
    {
        int total = 0;
        foreach (var (_, w) in weighted) total += w;
        int roll = Next(0, total);
        foreach (var (item, w) in weighted)
        {
            if (roll < w) return item;
            roll -= w;
        }
        return weighted[^1].Item;
    }

    /// <summary><paramref name="count"/> decimal digits; the first one from <paramref name="firstMin"/> to 9.</summary>
    public string Digits(int count, int firstMin = 1)
    {
        var chars = new char[count];
        chars[0] = (char)('0' + Next(firstMin, 10));
        for (int i = 1; i < count; i++) chars[i] = (char)('0' + Next(0, 10));
        return new string(chars);
    }
}
