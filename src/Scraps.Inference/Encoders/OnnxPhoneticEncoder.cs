using Microsoft.ML.OnnxRuntime;
using Scraps.Inference.Batching;
using Scraps.Inference.Runtime;

namespace Scraps.Inference.Encoders;

/// <summary>
/// Runs <c>phonetic.onnx</c>: phoneme id sequences (ids from the package inventory, 1..vocabSize-1; 0 is padding)
/// to SCRAPS vectors. Thread-safe.
/// </summary>
public sealed class OnnxPhoneticEncoder : IBatchEncoder<long[], EncoderOutput>
{
    private static readonly string[] EmbeddingOnly = [GraphPorts.Phonetic.Embeddings];
    private static readonly string[] WithSequence = [GraphPorts.Phonetic.Embeddings, GraphPorts.Phonetic.Sequence];

    private readonly OrtGraphSet _graph;
    private readonly ScrapsModelConfig _architecture;
    private readonly GraphRunLimits _limits;

    internal OnnxPhoneticEncoder(OrtGraphSet graph, ScrapsModelConfig architecture, GraphRunLimits limits)
    {
        _graph = graph;
        _architecture = architecture;
        _limits = limits;
    }

    /// <summary>Size of the vectors this encoder returns.</summary>
    public int EmbeddingDim => _architecture.LstmHidden;

    /// <summary>The longest phoneme sequence the model takes.</summary>
    public int MaxLength => _architecture.MaxPositions;

    public int LengthOf(long[] item) => item.Length;

    /// <summary>
    /// Encodes <paramref name="items"/>; result i belongs to items[i]. Items are length-sorted and padded minimally
    /// inside each graph run; lists beyond <see cref="GraphRunLimits.MaxItems"/> or <see cref="GraphRunLimits.MaxSteps"/>
    /// are split into several runs.
    /// </summary>
    /// <exception cref="InferenceInputException">An item is empty, too long or malformed (nothing is run).</exception>
    public EncoderOutput[] Encode(IReadOnlyList<long[]> items, EncoderOutputs outputs = EncoderOutputs.Embedding, CancellationToken cancellationToken = default) =>
        Encode(items, outputs, BatchPlanner.Plan(items.Select(x => x.Length).ToArray(), _limits.MaxItems, _limits.MaxSteps), cancellationToken);

    /// <summary>
    /// The batcher's batch as one graph run: the batcher sized it within its own budget (the service's one batch
    /// budget, Scraps:Batching), so it is not re-planned here.
    /// </summary>
    IReadOnlyList<EncoderOutput> IBatchEncoder<long[], EncoderOutput>.EncodeBatch(
        IReadOnlyList<long[]> inputs, EncoderOutputs outputs, CancellationToken cancellationToken) =>
        Encode(inputs, outputs, inputs.Count == 0 ? [] : [Enumerable.Range(0, inputs.Count).ToArray()], cancellationToken);

    private EncoderOutput[] Encode(IReadOnlyList<long[]> items, EncoderOutputs outputs, IEnumerable<int[]> runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (var i = 0; i < items.Count; i++)
        {
            Check(items[i], i);
        }

        var results = new EncoderOutput[items.Count];
        foreach (var run in runs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Run(items, run, outputs.HasFlag(EncoderOutputs.Sequence), results);
        }

        return results;
    }

    private void Check(long[]? ids, int index)
    {
        if (ids is null || ids.Length == 0)
        {
            throw new InferenceInputException($"phoneme sequence {index} is empty");
        }

        if (ids.Length > _architecture.MaxPositions)
        {
            throw new InferenceInputException(
                $"phoneme sequence {index} has {ids.Length} phonemes; this model takes at most {_architecture.MaxPositions}");
        }

        foreach (var id in ids)
        {
            if (id <= 0 || id >= _architecture.VocabSize)
            {
                throw new InferenceInputException(
                    $"phoneme sequence {index} has id {id}, outside the model's inventory ids 1..{_architecture.VocabSize - 1}");
            }
        }
    }

    private void Run(IReadOnlyList<long[]> items, int[] run, bool withSequences, EncoderOutput[] results)
    {
        var batch = run.Length;
        var length = run.Max(i => items[i].Length);
        var ids = new long[batch * length];
        var lengths = new long[batch];
        for (var b = 0; b < batch; b++)
        {
            var item = items[run[b]];
            item.CopyTo(ids, b * length);
            lengths[b] = item.Length;
        }

        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, [batch, length]);
        using var lengthsValue = OrtValue.CreateTensorValueFromMemory(lengths, [batch]);
        using var outputs = _graph.Run([idsValue, lengthsValue], withSequences ? WithSequence : EmbeddingOnly);
        var embeddings = OutputReader.Embeddings(outputs.First(), batch, _architecture.LstmHidden, _graph.Path);
        var dim = _architecture.ModelDim;
        for (var b = 0; b < batch; b++)
        {
            float[]? sequence = null;
            var steps = 0;
            if (withSequences)
            {
                steps = (int)lengths[b];
                sequence = OutputReader.Sequence(outputs.ElementAt(1), b, steps, length, dim, _graph.Path);
            }

            results[run[b]] = new EncoderOutput(embeddings[b], sequence, steps, withSequences ? dim : 0);
        }
    }
}
