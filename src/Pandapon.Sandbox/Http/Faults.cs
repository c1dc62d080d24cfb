using Pandapon.Sandbox.Data;

namespace Pandapon.Sandbox.Http;

/// <summary>The injected failures of <c>--fault-kinds</c>, in the order of the stats.</summary>
public enum FaultKind
{
    RateLimit,
    Server,
    BadGateway,
    Malformed,
    Reset,
    Stall,
}

/// <summary>The command-line and stats names of the fault kinds.</summary>
public static class FaultNames
{
    public static readonly string[] Names = ["ratelimit", "server", "badgateway", "malformed", "reset", "stall"];

    public static string Of(FaultKind kind) => Names[(int)kind];

    public static bool TryParse(string text, out FaultKind kind)
    {
        int i = Array.FindIndex(Names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        kind = (FaultKind)Math.Max(i, 0);
        return i >= 0;
    }
}

/// <summary>
/// Decides, for the n-th signed request of this run, whether it fails and how. The choice depends only on
/// the seed and n, so the same run of requests meets the same faults every time.
/// </summary>
public sealed class FaultInjector(long seed, double rate, IReadOnlyList<FaultKind> kinds)
{
    private const ulong FaultStream = 0x4641_554C_5400_0001;

    public FaultKind? Pick(long sequence)
    {
        if (rate <= 0 || kinds.Count == 0) return null;
        var rng = SplitMix64.ForItem(seed, FaultStream, sequence);
        if (rng.NextDouble() >= rate) return null;
        return kinds[rng.Next(0, kinds.Count)];
    }
}
