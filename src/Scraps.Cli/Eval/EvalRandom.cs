namespace Scraps.Cli.Eval;

/// <summary>
/// Independent, reproducible random streams for each part of an evaluation: the stream of (seed, stage, index) never
/// depends on how much another stage drew, so a run is deterministic for a seed and stages can be changed on their own.
/// </summary>
internal static class EvalRandom
{
    /// <summary>A <see cref="Random"/> seeded from a SplitMix64 hash chain of the three numbers (stable across processes).</summary>
    public static Random For(int seed, EvalStage stage, int index = 0)
    {
        var x = SplitMix((ulong)(uint)seed);
        x = SplitMix(x ^ (uint)stage);
        x = SplitMix(x ^ (uint)index);
        return new Random((int)(x & 0x7FFFFFFF));
    }

    /// <summary>A standard normal sample (Box-Muller).</summary>
    public static double NextGaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble(); // (0, 1]: the log is finite
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static ulong SplitMix(ulong x)
    {
        x = unchecked(x + 0x9E3779B97F4A7C15UL);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        return x ^ (x >> 31);
    }
}

