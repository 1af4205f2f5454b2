using Scraps.Audio;
using Scraps.Cli.Eval;

namespace Scraps.Cli.Tests.Eval.Support;

/// <summary>
/// A perfect fake model for runner tests. A clip made by <see cref="Features"/> has one frame per phoneme, one-hot at
/// bin = id (ids below 80); its acoustic vector is the unit-length histogram of each frame's loudest bin, and a phoneme sequence's
/// vector is the unit-length histogram of its ids. So a matched pair scores exactly 1, any other phoneme multiset
/// scores less, and a corruption changes the score only when it changes a histogram.
/// </summary>
internal sealed class OracleEncoder : IPairEncoder
{
    public int AudioCalls { get; private set; }

    public int PhonemeCalls { get; private set; }

    public static LogMel Features(IReadOnlyList<long> ids)
    {
        var data = new float[ids.Count * LogMel.Bins];
        for (var f = 0; f < ids.Count; f++)
        {
            data[(f * LogMel.Bins) + (int)ids[f]] = 1;
        }

        return new LogMel(data, ids.Count);
    }

    public float[][] EncodeAudio(IReadOnlyList<LogMel> features, CancellationToken cancellationToken)
    {
        AudioCalls++;
        return features.Select(clip => Normalise(Enumerable.Range(0, clip.Frames).Select(f => (long)ArgMax(clip.Frame(f))))).ToArray();
    }

    public float[][] EncodePhonemes(IReadOnlyList<long[]> phonemes, CancellationToken cancellationToken)
    {
        PhonemeCalls++;
        return phonemes.Select(ids => Normalise(ids)).ToArray();
    }

    private static int ArgMax(ReadOnlySpan<float> frame)
    {
        var best = 0;
        for (var b = 1; b < frame.Length; b++)
        {
            if (frame[b] > frame[best])
            {
                best = b;
            }
        }

        return best;
    }

    private static float[] Normalise(IEnumerable<long> ids)
    {
        var histogram = new float[256]; // every inventory id: substitutions may draw phones beyond the 80 bins
        foreach (var id in ids)
        {
            histogram[id]++;
        }

        var norm = MathF.Sqrt(histogram.Sum(v => v * v));
        return histogram.Select(v => v / norm).ToArray();
    }
}
