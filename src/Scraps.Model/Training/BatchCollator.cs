using TorchSharp;
using static TorchSharp.torch;

namespace Scraps.Model.Training;

/// <summary>
/// Turns a list of utterances into the padded tensors the model takes: token ids int64 [B, T] (0 = padding)
/// with lengths [B], standardised features float [B, F, bins] (zeros after each clip) with lengths [B].
/// Host buffers are filled first (optionally noised or mixed, then masked with SpecAugment), then copied to the
/// device in one go.
/// </summary>
internal sealed class BatchCollator(ITrainingData data, int melBins, Device device)
{
    public HostBatch Prepare(
        IReadOnlyList<TrainingUtterance> items, SpecAugment? augment = null, DeterministicRandom? random = null, FeatureMixing? mixing = null)
    {
        if (items.Count == 0) throw new ArgumentException("A batch needs at least one utterance.", nameof(items));
        var count = items.Count;
        var maxTokens = items.Max(u => u.PhonemeIds.Length);
        var maxFrames = items.Max(u => u.Frames);
        var ids = new long[count * maxTokens];
        var idLengths = new long[count];
        var features = new float[count * maxFrames * melBins];
        var featureLengths = new long[count];
        for (var b = 0; b < count; b++)
        {
            var u = items[b];
            for (var t = 0; t < u.PhonemeIds.Length; t++) ids[b * maxTokens + t] = u.PhonemeIds[t];
            idLengths[b] = u.PhonemeIds.Length;
            data.ReadStandardizedFeatures(u.Index, features.AsSpan(b * maxFrames * melBins, u.Frames * melBins));
            featureLengths[b] = u.Frames;
        }
        if (random is not null)
        {
            mixing?.Apply(features, count, maxFrames, featureLengths, random);
            if (augment is not null)
            {
                for (var b = 0; b < count; b++)
                    augment.Apply(features.AsSpan(b * maxFrames * melBins, items[b].Frames * melBins), items[b].Frames, random);
            }
        }
        return new HostBatch(count, maxTokens, maxFrames, melBins, ids, idLengths, features, featureLengths);
    }

    /// <summary>Device tensors of a prepared batch, owned by the caller's dispose scope.</summary>
    public DeviceBatch ToDevice(HostBatch host) => new(
        tensor(host.Ids, [host.Count, host.MaxTokens], ScalarType.Int64).to(device),
        tensor(host.IdLengths, [host.Count], ScalarType.Int64).to(device),
        tensor(host.Features, [host.Count, host.MaxFrames, host.MelBins], ScalarType.Float32).to(device),
        tensor(host.FeatureLengths, [host.Count], ScalarType.Int64).to(device));
}

/// <summary>A padded batch in host memory.</summary>
internal sealed record HostBatch(
    int Count, int MaxTokens, int MaxFrames, int MelBins, long[] Ids, long[] IdLengths, float[] Features, long[] FeatureLengths);

/// <summary>A padded batch on the training device.</summary>
internal sealed record DeviceBatch(Tensor Ids, Tensor IdLengths, Tensor Features, Tensor FeatureLengths);
