using Microsoft.ML.OnnxRuntime;
using Scraps.Inference.Runtime;

namespace Scraps.Inference.Encoders;

/// <summary>
/// Runs <c>matching.onnx</c>: for each (transcript, clip) pair, the phonetic encoder's per-token states and the
/// acoustic encoder's phone features give one logit per token that the audio supports it. Pairs are padded into one
/// graph run per <see cref="MaxPairsPerRun"/>. Thread-safe.
/// </summary>
public sealed class OnnxMatchingEncoder
{
    /// <summary>Pairs in one graph run; more are run in several.</summary>
    public const int MaxPairsPerRun = 32;

    private readonly OrtGraphSet _graph;
    private readonly ScrapsModelConfig _architecture;

    internal OnnxMatchingEncoder(OrtGraphSet graph, ScrapsModelConfig architecture)
    {
        _graph = graph;
        _architecture = architecture;
    }

    /// <summary>Per-token logits of each pair (result i: one per token of <paramref name="phones"/>[i]).</summary>
    /// <param name="phones">Phonetic outputs with their <see cref="EncoderOutput.Sequence"/>.</param>
    /// <param name="clips">Acoustic outputs with their <see cref="EncoderOutput.PhoneFeatures"/>, one per pair.</param>
    public float[][] Logits(IReadOnlyList<EncoderOutput> phones, IReadOnlyList<EncoderOutput> clips)
    {
        ArgumentNullException.ThrowIfNull(phones);
        ArgumentNullException.ThrowIfNull(clips);
        if (phones.Count != clips.Count)
        {
            throw new ArgumentException($"matching needs one clip per transcript, got {clips.Count} and {phones.Count}");
        }

        var results = new float[phones.Count][];
        for (var start = 0; start < phones.Count; start += MaxPairsPerRun)
        {
            Run(phones, clips, start, Math.Min(MaxPairsPerRun, phones.Count - start), results);
        }

        return results;
    }

    private void Run(IReadOnlyList<EncoderOutput> phones, IReadOnlyList<EncoderOutput> clips, int start, int count, float[][] results)
    {
        var d = _architecture.ModelDim;
        var a = _architecture.MatchingAcousticDim;
        var tokens = Enumerable.Range(start, count).Max(i => phones[i].SequenceSteps);
        var steps = Enumerable.Range(start, count).Max(i => clips[i].PhoneFeatureSteps);
        var states = new float[count * tokens * d];
        var frames = new float[count * steps * a];
        var tokenLengths = new long[count];
        var frameLengths = new long[count];
        for (var b = 0; b < count; b++)
        {
            var phone = phones[start + b];
            var clip = clips[start + b];
            if (phone.Sequence is null || clip.PhoneFeatures is null)
            {
                throw new InvalidOperationException("matching needs the transcripts' per-token states and the clips' phone features");
            }

            phone.Sequence.CopyTo(states, b * tokens * d);
            clip.PhoneFeatures.CopyTo(frames, b * steps * a);
            tokenLengths[b] = phone.SequenceSteps;
            frameLengths[b] = clip.PhoneFeatureSteps;
        }

        using var statesValue = OrtValue.CreateTensorValueFromMemory(states, [count, tokens, d]);
        using var tokenLengthsValue = OrtValue.CreateTensorValueFromMemory(tokenLengths, [count]);
        using var framesValue = OrtValue.CreateTensorValueFromMemory(frames, [count, steps, a]);
        using var frameLengthsValue = OrtValue.CreateTensorValueFromMemory(frameLengths, [count]);
        using var outputs = _graph.Run([statesValue, tokenLengthsValue, framesValue, frameLengthsValue], [GraphPorts.Matching.PhoneLogits]);
        var logits = outputs.First().GetTensorDataAsSpan<float>();
        for (var b = 0; b < count; b++)
        {
            results[start + b] = logits.Slice(b * tokens, (int)tokenLengths[b]).ToArray();
        }
    }
}
