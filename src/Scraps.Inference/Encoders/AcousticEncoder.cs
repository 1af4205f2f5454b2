using Microsoft.ML.OnnxRuntime;
using Scraps.Audio;
using Scraps.Inference.Batching;
using Scraps.Inference.Package;
using Scraps.Inference.Runtime;

namespace Scraps.Inference.Encoders;

/// <summary>
/// Runs <c>acoustic.onnx</c>: standardised log-mel matrices [frames, melBins] to SCRAPS vectors. Thread-safe.
/// </summary>
public sealed class AcousticEncoder : IBatchEncoder<LogMel, EncoderOutput>
{
    private static readonly string[] EmbeddingOnly = ["embeddings"];
    private static readonly string[] WithSequence = ["embeddings", "sequence", "sequence_lengths"];

    private readonly OrtGraph graph;
    private readonly ScrapsModelConfig architecture;
    private readonly ScrapsModelOptions options;

    internal AcousticEncoder(OrtGraph graph, ScrapsModelConfig architecture, ScrapsModelOptions options)
    {
        this.graph = graph;
        this.architecture = architecture;
        this.options = options;
    }

    public int EmbeddingDim => architecture.LstmHidden;

    /// <summary>The most frames one clip may have (the positional table after subsampling).</summary>
    public int MaxFrames => architecture.MaxAcousticFrames;

    public int LengthOf(LogMel item) => item.Frames;

    /// <summary>
    /// Encodes <paramref name="items"/>; result i belongs to items[i]. Items are length-sorted and padded minimally
    /// inside each graph run; lists beyond <see cref="ScrapsModelOptions.MaxBatchSize"/> or
    /// <see cref="ScrapsModelOptions.MaxBatchSteps"/> are split into several runs.
    /// </summary>
    /// <exception cref="InferenceInputException">An item is empty, too long or malformed (nothing is run).</exception>
    public EncoderOutput[] Encode(IReadOnlyList<LogMel> items, bool withSequences = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (var i = 0; i < items.Count; i++)
        {
            Check(items[i], i);
        }

        var results = new EncoderOutput[items.Count];
        foreach (var run in BatchPlanner.Plan(items.Select(x => x.Frames).ToArray(), options.MaxBatchSize, options.MaxBatchSteps))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Run(items, run, withSequences, results);
        }

        return results;
    }

    IReadOnlyList<EncoderOutput> IBatchEncoder<LogMel, EncoderOutput>.EncodeBatch(
        IReadOnlyList<LogMel> inputs, bool withSequences, CancellationToken cancellationToken) =>
        Encode(inputs, withSequences, cancellationToken);

    private void Check(LogMel? features, int index)
    {
        var bins = architecture.MelBins;
        if (features?.Data is null || features.Frames <= 0)
        {
            throw new InferenceInputException($"clip {index} has no feature frames");
        }

        if (features.Data.Length != (long)features.Frames * bins)
        {
            throw new InferenceInputException(
                $"clip {index} has {features.Data.Length} feature values for {features.Frames} frames; expected {bins} a frame");
        }

        if (features.Frames > MaxFrames)
        {
            throw new InferenceInputException(
                $"clip {index} has {features.Frames} frames ({features.Frames * 0.0125:0.##} s); this model takes at most {MaxFrames}");
        }

        foreach (var value in features.Data)
        {
            if (!float.IsFinite(value))
            {
                throw new InferenceInputException($"clip {index} has a non-finite feature value");
            }
        }
    }

    private void Run(IReadOnlyList<LogMel> items, int[] run, bool withSequences, EncoderOutput[] results)
    {
        var batch = run.Length;
        var bins = architecture.MelBins;
        var frames = run.Max(i => items[i].Frames);
        var features = new float[batch * frames * bins];
        var lengths = new long[batch];
        for (var b = 0; b < batch; b++)
        {
            var item = items[run[b]];
            item.Data.CopyTo(features, b * frames * bins);
            lengths[b] = item.Frames;
        }

        using var featuresValue = OrtValue.CreateTensorValueFromMemory(features, [batch, frames, bins]);
        using var lengthsValue = OrtValue.CreateTensorValueFromMemory(lengths, [batch]);
        using var outputs = graph.Run([featuresValue, lengthsValue], withSequences ? WithSequence : EmbeddingOnly);
        var embeddings = OutputReader.Embeddings(outputs.First(), batch, architecture.LstmHidden, graph.Path);
        if (!withSequences)
        {
            for (var b = 0; b < batch; b++)
            {
                results[run[b]] = new EncoderOutput(embeddings[b], null, 0, 0);
            }

            return;
        }

        var sequence = outputs.ElementAt(1);
        var steps = OutputReader.Lengths(outputs.ElementAt(2), batch, graph.Path);
        var padded = (int)sequence.GetTensorTypeAndShape().Shape[1];
        var dim = architecture.ModelDim;
        for (var b = 0; b < batch; b++)
        {
            var itemSteps = (int)steps[b];
            var data = OutputReader.Sequence(sequence, b, itemSteps, padded, dim, graph.Path);
            results[run[b]] = new EncoderOutput(embeddings[b], data, itemSteps, dim);
        }
    }
}
