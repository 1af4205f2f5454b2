using static TorchSharp.torch;

namespace Scraps.Model.Training;

/// <summary>
/// Turns a list of utterances into the padded tensors the model takes: token ids int64 [B, T] (0 = padding)
/// with lengths [B], standardised features float [B, F, bins] (zeros after each clip) with lengths [B], and, when
/// asked, the CTC phone targets (the Phone tokens of each transcript, concatenated) and near-miss token sequences
/// padded like the ids. Host buffers are filled first (optionally noised or mixed, then masked with SpecAugment),
/// then copied to the device in one go.
/// </summary>
/// <param name="isPhone">Per token id: is it a phone (a CTC target)? Null: no CTC targets.</param>
/// <param name="phoneStride">Frames per step of the CTC head: above 0, clips with phone frame spans get frame targets.</param>
/// <param name="matching">Whether to label each token for the matching head (<see cref="SupportLabels"/>; needs <paramref name="isPhone"/>).</param>
internal sealed class BatchCollator(ITrainingData data, int melBins, Device device, bool[]? isPhone = null, int phoneStride = 0, bool matching = false)
{
    public HostBatch Prepare(
        IReadOnlyList<TrainingUtterance> items,
        SpecAugment? augment = null,
        DeterministicRandom? random = null,
        FeatureMixing? mixing = null,
        IReadOnlyList<int[]>? negatives = null)
    {
        if (items.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one utterance.", nameof(items));
        }

        var count = items.Count;
        var (ids, idLengths, maxTokens) = PadIds(items.Select(u => u.PhonemeIds).ToArray());
        var maxFrames = items.Max(u => u.Frames);
        var features = new float[count * maxFrames * melBins];
        var featureLengths = new long[count];
        for (var b = 0; b < count; b++)
        {
            var u = items[b];
            data.ReadStandardizedFeatures(u.Index, features.AsSpan(b * maxFrames * melBins, u.Frames * melBins));
            featureLengths[b] = u.Frames;
        }
        if (random is not null)
        {
            mixing?.Apply(features, count, maxFrames, featureLengths, random);
            if (augment is not null)
            {
                for (var b = 0; b < count; b++)
                {
                    augment.Apply(features.AsSpan(b * maxFrames * melBins, items[b].Frames * melBins), items[b].Frames, random);
                }
            }
        }
        var batch = new HostBatch(count, maxTokens, maxFrames, melBins, ids, idLengths, features, featureLengths);
        if (isPhone is not null)
        {
            var targets = new List<long>();
            var targetLengths = new long[count];
            for (var b = 0; b < count; b++)
            {
                foreach (var id in items[b].PhonemeIds)
                {
                    if (id < isPhone.Length && isPhone[id])
                    {
                        targets.Add(id);
                        targetLengths[b]++;
                    }
                }
            }
            batch = batch with { CtcTargets = targets.ToArray(), CtcTargetLengths = targetLengths };
            if (phoneStride > 0 && items.Any(u => u.PhoneFrames is not null))
            {
                batch = batch with { FrameTargets = BuildFrameTargets(items, maxFrames) };
            }
        }
        if (negatives is { Count: > 0 })
        {
            var (negativeIds, negativeLengths, negativeMax) = PadIds(negatives);
            batch = batch with { Negatives = new PaddedIds(negatives.Count, negativeMax, negativeIds, negativeLengths) };
        }
        if (matching && isPhone is not null)
        {
            batch = batch with { MatchLabels = MatchLabels(items, maxTokens, negatives) };
        }
        return batch;
    }

    /// <summary>[B, steps] frame labels of the head's steps (<see cref="FrameTargets"/>); every step of a clip without spans is ignored.</summary>
    private PaddedTargets BuildFrameTargets(IReadOnlyList<TrainingUtterance> items, int maxFrames)
    {
        var steps = StepsOf(maxFrames);
        var targets = new long[items.Count * steps];
        Array.Fill(targets, FrameTargets.Ignore);
        var labelled = 0;
        for (var b = 0; b < items.Count; b++)
        {
            if (items[b].PhoneFrames is not { } spans)
            {
                continue;
            }

            var phones = items[b].PhonemeIds.Where(id => id < isPhone!.Length && isPhone[id]).ToArray();
            if (spans.Length != 2 * phones.Length)
            {
                continue;
            }

            FrameTargets.Fill(targets.AsSpan(b * steps, steps), StepsOf(items[b].Frames), phoneStride, spans, phones);
            labelled++;
        }
        return new PaddedTargets(items.Count, steps, targets, labelled);
    }

    /// <summary>
    /// Per-token labels for the matching head: the transcripts' phones all supported, each near miss's by
    /// <see cref="SupportLabels"/> against its clip's transcript (near misses are item-major, K per item).
    /// </summary>
    private MatchTargets MatchLabels(IReadOnlyList<TrainingUtterance> items, int maxTokens, IReadOnlyList<int[]>? negatives)
    {
        bool IsPhone(int id) => id < isPhone!.Length && isPhone[id];
        var own = new long[items.Count * maxTokens];
        for (var b = 0; b < items.Count; b++)
        {
            var row = own.AsSpan(b * maxTokens, maxTokens);
            row.Fill(SupportLabels.Ignore);
            SupportLabels.OfTranscript(items[b].PhonemeIds, IsPhone, row[..items[b].PhonemeIds.Length]);
        }
        if (negatives is not { Count: > 0 })
        {
            return new MatchTargets(own, null, 0);
        }

        var perItem = negatives.Count / items.Count;
        var width = negatives.Max(n => n.Length);
        var near = new long[negatives.Count * width];
        for (var r = 0; r < negatives.Count; r++)
        {
            var row = near.AsSpan(r * width, width);
            row.Fill(SupportLabels.Ignore);
            SupportLabels.OfNearMiss(negatives[r], items[r / perItem].PhonemeIds, IsPhone, row[..negatives[r].Length]);
        }
        return new MatchTargets(own, near, width);
    }

    /// <summary>Steps of the CTC head for a clip of this many frames: L -> (L - 1) / 2 + 1 per stride-2 stage.</summary>
    private int StepsOf(int frames)
    {
        for (var stride = phoneStride; stride > 1; stride /= 2)
        {
            frames = ((frames - 1) / 2) + 1;
        }

        return frames;
    }

    /// <summary>Device tensors of a prepared batch, owned by the caller's dispose scope.</summary>
    public DeviceBatch ToDevice(HostBatch host) => new(
        tensor(host.Ids, [host.Count, host.MaxTokens], ScalarType.Int64).to(device),
        tensor(host.IdLengths, [host.Count], ScalarType.Int64).to(device),
        tensor(host.Features, [host.Count, host.MaxFrames, host.MelBins], ScalarType.Float32).to(device),
        tensor(host.FeatureLengths, [host.Count], ScalarType.Int64).to(device))
    {
        CtcTargets = host.CtcTargets is null ? null : tensor(host.CtcTargets, [host.CtcTargets.Length], ScalarType.Int64).to(device),
        CtcTargetLengths = host.CtcTargetLengths is null ? null : tensor(host.CtcTargetLengths, [host.Count], ScalarType.Int64).to(device),
        NegativeIds = host.Negatives is null ? null : tensor(host.Negatives.Ids, [host.Negatives.Count, host.Negatives.MaxTokens], ScalarType.Int64).to(device),
        NegativeLengths = host.Negatives is null ? null : tensor(host.Negatives.Lengths, [host.Negatives.Count], ScalarType.Int64).to(device),
        FrameTargets = host.FrameTargets is null ? null : tensor(host.FrameTargets.Targets, [host.FrameTargets.Count, host.FrameTargets.Steps], ScalarType.Int64).to(device),
        MatchLabels = host.MatchLabels is null ? null : tensor(host.MatchLabels.Own, [host.Count, host.MaxTokens], ScalarType.Int64).to(device),
        NegativeMatchLabels = host.MatchLabels?.NearMisses is null
            ? null
            : tensor(host.MatchLabels.NearMisses, [host.Negatives!.Count, host.MatchLabels.NearMissWidth], ScalarType.Int64).to(device),
    };

    private static (long[] Ids, long[] Lengths, int MaxTokens) PadIds(IReadOnlyList<int[]> sequences)
    {
        var maxTokens = sequences.Max(s => s.Length);
        var ids = new long[sequences.Count * maxTokens];
        var lengths = new long[sequences.Count];
        for (var b = 0; b < sequences.Count; b++)
        {
            var s = sequences[b];
            for (var t = 0; t < s.Length; t++)
            {
                ids[(b * maxTokens) + t] = s[t];
            }

            lengths[b] = s.Length;
        }
        return (ids, lengths, maxTokens);
    }
}

/// <summary>A padded batch in host memory.</summary>
internal sealed record HostBatch(
    int Count, int MaxTokens, int MaxFrames, int MelBins, long[] Ids, long[] IdLengths, float[] Features, long[] FeatureLengths)
{
    /// <summary>The Phone tokens of every transcript, concatenated (null without a CTC head).</summary>
    public long[]? CtcTargets { get; init; }

    public long[]? CtcTargetLengths { get; init; }

    /// <summary>Near-miss sequences: rows i*K .. i*K+K-1 belong to item i.</summary>
    public PaddedIds? Negatives { get; init; }

    /// <summary>Frame labels of the CTC head's steps, when some clip of the batch has phone frame spans.</summary>
    public PaddedTargets? FrameTargets { get; init; }

    /// <summary>The matching head's per-token labels (<see cref="SupportLabels"/>), when the model has one.</summary>
    public MatchTargets? MatchLabels { get; init; }
}

/// <summary>Matching labels: [Count, MaxTokens] for the transcripts, [near misses, NearMissWidth] for the near misses.</summary>
internal sealed record MatchTargets(long[] Own, long[]? NearMisses, int NearMissWidth);

/// <summary>[Count, Steps] frame labels (<see cref="Training.FrameTargets.Ignore"/> where there is none); <paramref name="Labelled"/> rows have any.</summary>
internal sealed record PaddedTargets(int Count, int Steps, long[] Targets, int Labelled);

/// <summary>Token sequences padded to one length (0 = padding).</summary>
internal sealed record PaddedIds(int Count, int MaxTokens, long[] Ids, long[] Lengths);

/// <summary>A padded batch on the training device.</summary>
internal sealed record DeviceBatch(Tensor Ids, Tensor IdLengths, Tensor Features, Tensor FeatureLengths)
{
    public Tensor? CtcTargets { get; init; }

    public Tensor? CtcTargetLengths { get; init; }

    public Tensor? NegativeIds { get; init; }

    public Tensor? NegativeLengths { get; init; }

    /// <summary>[B, steps] frame labels of the CTC head's steps, or null.</summary>
    public Tensor? FrameTargets { get; init; }

    /// <summary>[B, T] matching labels of the transcripts, or null.</summary>
    public Tensor? MatchLabels { get; init; }

    /// <summary>[B*K, T'] matching labels of the near misses, or null.</summary>
    public Tensor? NegativeMatchLabels { get; init; }
}
