using Microsoft.ML.OnnxRuntime;
using Scraps.Audio;
using Scraps.Inference.Batching;
using Scraps.Inference.Runtime;

namespace Scraps.Inference.Encoders;

/// <summary>
/// Runs <c>acoustic.onnx</c>: standardised log-mel matrices [frames, melBins] to SCRAPS vectors. Thread-safe.
/// </summary>
public sealed class OnnxAcousticEncoder : IBatchEncoder<LogMel, EncoderOutput>
{
    private const string Embeddings = GraphPorts.Acoustic.Embeddings;
    private const string Sequence = GraphPorts.Acoustic.Sequence;
    private const string SequenceLengths = GraphPorts.Acoustic.SequenceLengths;
    private const string PhoneLogProbs = GraphPorts.Acoustic.PhoneLogProbs;
    private const string PhoneFeatures = GraphPorts.Acoustic.PhoneFeatures;

    private readonly OrtGraphSet _graph;
    private readonly ScrapsModelConfig _architecture;
    private readonly GraphRunLimits _limits;

    private readonly double _frontEndHopSeconds;

    internal OnnxAcousticEncoder(OrtGraphSet graph, ScrapsModelConfig architecture, GraphRunLimits limits, double hopSeconds)
    {
        _graph = graph;
        _architecture = architecture;
        _limits = limits;
        _frontEndHopSeconds = hopSeconds;
    }

    public int EmbeddingDim => _architecture.LstmHidden;

    /// <summary>The most frames one clip may have (the positional table after subsampling).</summary>
    public int MaxFrames => _architecture.MaxAcousticFrames;

    public int LengthOf(LogMel item) => item.Frames;

    /// <summary>True when the model has the CTC head (<see cref="EncoderOutputs.PhoneLogProbs"/> can be asked for).</summary>
    public bool HasPhoneLogProbs => _architecture.CtcHead;

    /// <summary>True when the model has a matching head (<see cref="EncoderOutputs.PhoneFeatures"/> can be asked for).</summary>
    public bool HasPhoneFeatures => _architecture.MatchingHead is not null;

    /// <summary>Seconds of audio one output step covers (12.5 ms frames times the subsampling).</summary>
    public double StepSeconds => _frontEndHopSeconds * _architecture.AcousticSubsampling;

    /// <summary>Seconds between two log-mel frames of the front end (its hop).</summary>
    public double FrameSeconds => _frontEndHopSeconds;

    /// <summary>Seconds of audio one step of the phone log-probabilities covers: 25 ms with a phone branch, else <see cref="StepSeconds"/>.</summary>
    public double PhoneStepSeconds => _frontEndHopSeconds * _architecture.PhoneStride;

    /// <summary>
    /// Encodes <paramref name="items"/>; result i belongs to items[i]. Items are length-sorted and padded minimally
    /// inside each graph run; lists beyond <see cref="GraphRunLimits.MaxItems"/> or <see cref="GraphRunLimits.MaxSteps"/>
    /// are split into several runs.
    /// </summary>
    /// <exception cref="InferenceInputException">An item is empty, too long or malformed (nothing is run).</exception>
    /// <exception cref="InvalidOperationException">Phone log-probabilities asked of a model without the CTC head.</exception>
    public EncoderOutput[] Encode(IReadOnlyList<LogMel> items, EncoderOutputs outputs = EncoderOutputs.Embedding, CancellationToken cancellationToken = default) =>
        Encode(items, outputs, BatchPlanner.Plan(items.Select(x => x.Frames).ToArray(), _limits.MaxItems, _limits.MaxSteps), cancellationToken);

    /// <summary>
    /// The batcher's batch as one graph run: the batcher sized it within its own budget (the service's one batch
    /// budget, Scraps:Batching), so it is not re-planned here.
    /// </summary>
    IReadOnlyList<EncoderOutput> IBatchEncoder<LogMel, EncoderOutput>.EncodeBatch(
        IReadOnlyList<LogMel> inputs, EncoderOutputs outputs, CancellationToken cancellationToken) =>
        Encode(inputs, outputs, inputs.Count == 0 ? [] : [Enumerable.Range(0, inputs.Count).ToArray()], cancellationToken);

    private EncoderOutput[] Encode(IReadOnlyList<LogMel> items, EncoderOutputs outputs, IEnumerable<int[]> runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (outputs.HasFlag(EncoderOutputs.PhoneLogProbs) && !HasPhoneLogProbs)
        {
            throw new InvalidOperationException($"model {_graph.Path} has no CTC head: it gives no phone log-probabilities");
        }

        if (outputs.HasFlag(EncoderOutputs.PhoneFeatures) && !HasPhoneFeatures)
        {
            throw new InvalidOperationException($"model {_graph.Path} has no matching head: it gives no phone features");
        }

        for (var i = 0; i < items.Count; i++)
        {
            Check(items[i], i);
        }

        var results = new EncoderOutput[items.Count];
        foreach (var run in runs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Run(items, run, outputs, results);
        }

        return results;
    }

    private void Check(LogMel? features, int index)
    {
        var bins = _architecture.MelBins;
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
                $"clip {index} has {features.Frames} frames ({features.Seconds:0.##} s); this model takes at most {MaxFrames}");
        }

        foreach (var value in features.Data)
        {
            if (!float.IsFinite(value))
            {
                throw new InferenceInputException($"clip {index} has a non-finite feature value");
            }
        }
    }

    private void Run(IReadOnlyList<LogMel> items, int[] run, EncoderOutputs wanted, EncoderOutput[] results)
    {
        var batch = run.Length;
        var bins = _architecture.MelBins;
        var frames = run.Max(i => items[i].Frames);
        var features = new float[batch * frames * bins];
        var lengths = new long[batch];
        for (var b = 0; b < batch; b++)
        {
            var item = items[run[b]];
            item.Data.CopyTo(features, b * frames * bins);
            lengths[b] = item.Frames;
        }

        var withSequences = wanted.HasFlag(EncoderOutputs.Sequence);
        var withLogProbs = wanted.HasFlag(EncoderOutputs.PhoneLogProbs);
        var withFeatures = wanted.HasFlag(EncoderOutputs.PhoneFeatures);
        var names = new List<string> { Embeddings };
        if (withSequences)
        {
            names.Add(Sequence);
        }

        if (withSequences)
        {
            names.Add(SequenceLengths);
        }

        if (withLogProbs)
        {
            names.Add(PhoneLogProbs);
        }

        if (withFeatures)
        {
            names.Add(PhoneFeatures);
        }

        using var featuresValue = OrtValue.CreateTensorValueFromMemory(features, [batch, frames, bins]);
        using var lengthsValue = OrtValue.CreateTensorValueFromMemory(lengths, [batch]);
        using var outputs = _graph.Run([featuresValue, lengthsValue], names);
        var values = outputs.ToArray();
        OrtValue Output(string name) => values[names.IndexOf(name)];
        var embeddings = OutputReader.Embeddings(Output(Embeddings), batch, _architecture.LstmHidden, _graph.Path);
        var steps = names.Contains(SequenceLengths) ? OutputReader.Lengths(Output(SequenceLengths), batch, _graph.Path) : null;
        var padded = _architecture.SubsampledLength(frames);
        var paddedPhoneSteps = (int)_architecture.PhoneSteps(frames);
        for (var b = 0; b < batch; b++)
        {
            var itemSteps = steps is null ? 0 : (int)steps[b];
            // The head's steps follow from the frames alone (the graph's subsampling formula), at its own stride.
            var phoneSteps = (int)_architecture.PhoneSteps(items[run[b]].Frames);
            var sequence = withSequences ? OutputReader.Sequence(Output(Sequence), b, itemSteps, (int)padded, _architecture.ModelDim, _graph.Path) : null;
            results[run[b]] = new EncoderOutput(embeddings[b], sequence, withSequences ? itemSteps : 0, withSequences ? _architecture.ModelDim : 0)
            {
                PhoneLogProbs = withLogProbs
                    ? new PhonePosteriors(
                        OutputReader.Sequence(Output(PhoneLogProbs), b, phoneSteps, paddedPhoneSteps, _architecture.VocabSize, _graph.Path),
                        phoneSteps,
                        _architecture.VocabSize,
                        PhoneStepSeconds)
                    : null,
                PhoneFeatures = withFeatures
                    ? OutputReader.Sequence(Output(PhoneFeatures), b, phoneSteps, paddedPhoneSteps, _architecture.MatchingAcousticDim, _graph.Path)
                    : null,
                PhoneFeatureSteps = withFeatures ? phoneSteps : 0,
            };
        }
    }
}
