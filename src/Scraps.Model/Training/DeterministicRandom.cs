namespace Scraps.Model.Training;

/// <summary>
/// A small, fully specified random generator (SplitMix64 seeding a xoshiro256** stream), so that the
/// data order and augmentations are the same on every machine and .NET version. A stream is derived
/// from (seed, purpose, position) rather than carried along, so resuming needs no saved generator state.
/// </summary>
public sealed class DeterministicRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public DeterministicRandom(long seed, ulong purpose, long position)
    {
        var x = (ulong)seed ^ (purpose * 0x9E3779B97F4A7C15UL) ^ ((ulong)position * 0xD1B54A32D192ED03UL);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>) (Lemire's multiply-shift with rejection).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        var bound = (ulong)maxExclusive;
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var product = Math.BigMul(NextUInt64(), bound, out var low);
            if (low >= threshold)
            {
                return (int)product;
            }
        }
    }

    /// <summary>Uniform in [<paramref name="minInclusive"/>, <paramref name="maxInclusive"/>].</summary>
    public int NextInclusive(int minInclusive, int maxInclusive) => minInclusive + Next(maxInclusive - minInclusive + 1);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A seed for torch's own generator (dropout), derived from this stream.</summary>
    public long NextSeed() => (long)(NextUInt64() >> 1);

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}

/// <summary>The purposes random streams are drawn for; each gets an independent stream.</summary>
public static class RandomPurpose
{
    public const ulong EpochOrder = 1;
    public const ulong Augmentation = 2;
    public const ulong Dropout = 3;
    public const ulong Validation = 4;
    public const ulong Initialisation = 5;
    public const ulong HardNegatives = 6;
    public const ulong ValidationNegatives = 7;
}
