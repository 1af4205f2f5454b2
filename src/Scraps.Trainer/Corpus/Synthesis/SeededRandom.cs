namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>
/// A small, stable pseudo-random generator (SplitMix64): the same seed gives the same numbers on every
/// machine and .NET version, which makes a corpus reproducible from its seed. <see cref="For"/> derives an
/// independent generator per (seed, purpose, index), so clips can be built in any order and in parallel.
/// </summary>
internal sealed class SeededRandom
{
    private ulong _state;

    public SeededRandom(ulong seed) => _state = seed;

    /// <summary>An independent generator for one purpose (e.g. "clip") and index (e.g. the clip number).</summary>
    public static SeededRandom For(long seed, string purpose, long index)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in purpose)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        var mixer = new SeededRandom((ulong)seed ^ Mix(hash) ^ Mix((ulong)index + 0x632BE59BD9B4E019UL));
        return new SeededRandom(mixer.NextUInt64());
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, count).</summary>
    public int Next(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return (int)(NextDouble() * count);
    }

    /// <summary>Uniform integer in [low, high).</summary>
    public int Next(int low, int high) => low + Next(high - low);

    public double Uniform(double low, double high) => low + ((high - low) * NextDouble());

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Standard normal (Box-Muller).</summary>
    public double Gaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A seed for a sub-generator (e.g. the noise of one clip).</summary>
    public long NextSeed() => (long)(NextUInt64() & long.MaxValue);

    /// <summary>Picks an index with probability proportional to its weight.</summary>
    public int PickWeighted(IReadOnlyList<double> weights)
    {
        var total = weights.Sum();
        var target = NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
