using Scraps.Audio;
using Scraps.Data;
using Scraps.Inference.Runtime;

namespace Scraps.Trainer.Export;

/// <summary>
/// Raw SCRAPS scores of held-out pairs through the ONNX Runtime engine: matched (each clip with its own
/// phonemes) and mismatched (each clip with the phonemes of the other clips of its minibatch, leaving out
/// clips of the same phoneme sequence, i.e. the same sentence read by another voice).
/// </summary>
internal sealed record CalibrationScores(float[] Matched, float[] Mismatched)
{
    /// <summary>Clips are encoded this many at a time, so only their vectors stay in memory.</summary>
    private const int EncodeChunk = 64;

    public static CalibrationScores Compute(ScrapsModel model, FeatureCache cache, IReadOnlyList<CachedUtterance> clips, int minibatch, CancellationToken cancellationToken)
    {
        var acoustic = new float[clips.Count][];
        var phonetic = new float[clips.Count][];
        for (var start = 0; start < clips.Count; start += EncodeChunk)
        {
            var chunk = clips.Skip(start).Take(EncodeChunk).ToArray();
            var features = chunk.Select(c => ReadFeatures(model, cache, c)).ToArray();
            var a = model.Acoustic.Encode(features, cancellationToken: cancellationToken);
            var p = model.Phonetic.Encode(chunk.Select(c => Array.ConvertAll(c.PhonemeIds, id => (long)id)).ToArray(), cancellationToken: cancellationToken);
            for (var i = 0; i < chunk.Length; i++)
            {
                acoustic[start + i] = a[i].Embedding;
                phonetic[start + i] = p[i].Embedding;
            }
        }

        var matched = new float[clips.Count];
        var mismatched = new List<float>();
        for (var i = 0; i < clips.Count; i++)
        {
            matched[i] = Dot(acoustic[i], phonetic[i]);
            var batchStart = i / minibatch * minibatch;
            for (var j = batchStart; j < Math.Min(batchStart + minibatch, clips.Count); j++)
            {
                if (j != i && !clips[i].PhonemeIds.AsSpan().SequenceEqual(clips[j].PhonemeIds))
                {
                    mismatched.Add(Dot(acoustic[i], phonetic[j]));
                }
            }
        }

        return new CalibrationScores(matched, [.. mismatched]);
    }

    /// <summary>
    /// A clip's features standardised with the package's statistics, as the service standardises them: for a cache
    /// other than the one the package was trained on (held-out human speech), its own statistics would differ.
    /// </summary>
    public static LogMel ReadFeatures(ScrapsModel model, FeatureCache cache, CachedUtterance clip)
    {
        var data = cache.ReadFeatures(clip.Index);
        model.Standardizer.ApplyInPlace(data);
        return new LogMel(data, clip.Frames);
    }

    /// <summary>A clip's features standardised with the cache's mean/std (the statistics the package ships).</summary>
    public static LogMel ReadFeatures(FeatureCache cache, CachedUtterance clip)
    {
        var data = new float[clip.Frames * FeatureCache.MelBins];
        cache.ReadStandardizedFeatures(clip.Index, data);
        return new LogMel(data, clip.Frames);
    }

    private static float Dot(float[] a, float[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * (double)b[i];
        }

        return (float)sum;
    }
}
