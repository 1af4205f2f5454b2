namespace Scraps.Model.Tests.Export;

/// <summary>Padded random batches: valid steps random, padding filled with a given value.</summary>
internal static class ParityInputs
{
    /// <summary>Phoneme ids [B, T] row-major: random ids in [1, vocab) up to each length, 0 after.</summary>
    public static long[] Phonemes(int[] lengths, int vocab, int seed)
    {
        var random = new Random(seed);
        var width = lengths.Max();
        var ids = new long[lengths.Length * width];
        for (var b = 0; b < lengths.Length; b++)
        {
            for (var t = 0; t < lengths[b]; t++)
            {
                ids[(b * width) + t] = random.Next(1, vocab);
            }
        }

        return ids;
    }

    /// <summary>Features [B, T, bins] row-major: standard-normal-ish up to each length, <paramref name="padValue"/> after.</summary>
    public static float[] Features(int[] lengths, int bins, int seed, float padValue)
    {
        var random = new Random(seed);
        var width = lengths.Max();
        var features = new float[lengths.Length * width * bins];
        Array.Fill(features, padValue);
        for (var b = 0; b < lengths.Length; b++)
        {
            for (var i = 0; i < lengths[b] * bins; i++)
            {
                // Sum of three uniforms: roughly normal, unit-ish variance.
                features[(b * width * bins) + i] = (float)((random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 2);
            }
        }

        return features;
    }
}
