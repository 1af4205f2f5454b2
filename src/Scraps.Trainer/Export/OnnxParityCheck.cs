using Scraps.Data;
using Scraps.Inference.Runtime;
using Scraps.Model.Modules;
using static TorchSharp.torch;

namespace Scraps.Trainer.Export;

/// <summary>
/// Runs held-out items through the TorchSharp model (each item alone) and the exported graphs through the
/// ONNX Runtime engine (one length-sorted, padded batch of mixed lengths) and measures the largest relative
/// error ‖ort − torch‖ / ‖torch‖ of the SCRAPS vectors, acoustic and phonetic.
/// </summary>
internal static class OnnxParityCheck
{
    /// <summary>Up to <paramref name="count"/> clips spread evenly over the range of clip lengths (shortest and longest included).</summary>
    public static IReadOnlyList<CachedUtterance> PickItems(IReadOnlyList<CachedUtterance> clips, int count)
    {
        var sorted = clips.OrderBy(c => c.Frames).ThenBy(c => c.PhonemeIds.Length).ToArray();
        if (sorted.Length <= count)
        {
            return sorted;
        }

        return Enumerable.Range(0, count)
            .Select(i => sorted[count == 1 ? 0 : (int)Math.Round(i * (sorted.Length - 1) / (double)(count - 1))])
            .Distinct()
            .ToArray();
    }

    public static ParityResult Measure(ScrapsNet net, ScrapsModel model, FeatureCache cache, IReadOnlyList<CachedUtterance> items)
    {
        var features = items.Select(c => CalibrationScores.ReadFeatures(cache, c)).ToArray();
        var phonemes = items.Select(c => Array.ConvertAll(c.PhonemeIds, id => (long)id)).ToArray();
        var matching = model.Matching is not null;
        var ortAcoustic = model.Acoustic.Encode(
            features, (net.CtcHead is null ? 0 : Inference.Encoders.EncoderOutputs.PhoneLogProbs) | (matching ? Inference.Encoders.EncoderOutputs.PhoneFeatures : 0));
        var ortPhonetic = model.Phonetic.Encode(phonemes, matching ? Inference.Encoders.EncoderOutputs.Sequence : 0);
        var ortMatching = matching ? model.Matching!.Logits(ortPhonetic, ortAcoustic) : null;

        double acoustic = 0, phonetic = 0, head = 0, matchingError = 0;
        using var noGrad = no_grad();
        for (var i = 0; i < items.Count; i++)
        {
            using var scope = NewDisposeScope();
            var outputs = net.EncodeAcoustic(
                tensor(features[i].Data, [1, features[i].Frames, FeatureCache.MelBins]), tensor(new long[] { features[i].Frames }));
            var (torchPhonetic, states) = net.EncodePhonemes(tensor(phonemes[i], [1, phonemes[i].Length]), tensor(new long[] { phonemes[i].Length }));
            acoustic = Math.Max(acoustic, RelativeError(ortAcoustic[i].Embedding, outputs.Embeddings.data<float>().ToArray()));
            phonetic = Math.Max(phonetic, RelativeError(ortPhonetic[i].Embedding, torchPhonetic.data<float>().ToArray()));
            if (outputs.PhoneLogProbs is { } logProbs && ortAcoustic[i].PhoneLogProbs is { } ort)
            {
                head = Math.Max(head, RelativeError(ort.LogProbs, logProbs.data<float>().ToArray()));
            }

            if (ortMatching is not null)
            {
                var logits = net.MatchLogits(states, tensor(new long[] { phonemes[i].Length }), outputs.PhoneFeatures!, outputs.PhoneStepLengths);
                matchingError = Math.Max(matchingError, RelativeError(ortMatching[i], logits.data<float>().ToArray()));
            }
        }

        return new ParityResult(items.Count, acoustic, phonetic) { MaxPhoneLogProbError = head, MaxMatchingError = matchingError };
    }

    /// <summary>‖actual − expected‖ / ‖expected‖; a zero reference counts as exact only when actual is zero too.</summary>
    internal static double RelativeError(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        if (actual.Length != expected.Length)
        {
            return double.PositiveInfinity;
        }

        double difference = 0, norm = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            var d = actual[i] - (double)expected[i];
            difference += d * d;
            norm += expected[i] * (double)expected[i];
        }

        if (double.IsNaN(difference))
        {
            return double.PositiveInfinity;
        }

        return norm > 0 ? Math.Sqrt(difference / norm) : difference == 0 ? 0 : double.PositiveInfinity;
    }
}

/// <summary>The parity measured at export: items compared and the largest relative error of each graph.</summary>
internal sealed record ParityResult(int Items, double MaxAcousticError, double MaxPhoneticError)
{
    /// <summary>Largest relative error of the CTC head's log-probabilities (0 without the head).</summary>
    public double MaxPhoneLogProbError { get; init; }

    /// <summary>Largest relative error of the matching head's logits (0 without the head).</summary>
    public double MaxMatchingError { get; init; }

    public double MaxError => new[] { MaxAcousticError, MaxPhoneticError, MaxPhoneLogProbError, MaxMatchingError }.Max();
}

/// <summary>The exported graphs do not reproduce the TorchSharp model within the tolerance: the package is not written.</summary>
internal sealed class OnnxParityException(string message) : Exception(message);
