using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Scraps.Model.Modules;

/// <summary>
/// The SCRAPS model: phonetic and acoustic encoders and ONE LSTM(d, D) integrator shared by both. The SCRAPS
/// vector of a sequence is the LSTM output at its last valid step (no normalisation).
/// forward(phonemes, phonemeLengths, features, featureLengths) -> (phonetic [B, D], acoustic [B, D]).
/// </summary>
public sealed class ScrapsNet : nn.Module<Tensor, Tensor, Tensor, Tensor, (Tensor Phonetic, Tensor Acoustic)>
{
    public readonly ScrapsModelConfig Config;

    [ComponentName(Name = "phonetic")]
    public readonly PhoneticEncoder Phonetic;

    [ComponentName(Name = "acoustic")]
    public readonly AcousticEncoder Acoustic;

    /// <summary>LSTM(d, D), batch first, one layer, unidirectional, gate order i, f, g, o (PyTorch).</summary>
    [ComponentName(Name = "integrator")]
    public readonly LSTM Integrator;

    /// <summary>
    /// Linear(d, vocabSize) over the acoustic per-step outputs, when <see cref="ScrapsModelConfig.CtcHead"/>: per-step
    /// phoneme log-probabilities (class 0, the padding id, is the CTC blank). Null for a model without the head.
    /// </summary>
    [ComponentName(Name = "ctc_head")]
    public readonly Linear? CtcHead;

    /// <summary>Layers between the acoustic encoder's 25 ms stage and the CTC head (<see cref="ScrapsModelConfig.PhoneBranch"/>); null without.</summary>
    [ComponentName(Name = "phone_branch")]
    public readonly PhoneBranch? Branch;

    /// <summary>Judges per phone whether the audio supports it (<see cref="ScrapsModelConfig.MatchingHead"/>); null without.</summary>
    [ComponentName(Name = "matching_head")]
    public readonly MatchingHead? Matching;

    /// <summary>Kept in a field for the int64 length arithmetic: no temporary Scalar per call (see PaddingMasks).</summary>
    private static readonly Scalar One = 1L.ToScalar();

    public ScrapsNet(ScrapsModelConfig config)
        : base(Runtime.TorchRuntime.EnsureLoaded(nameof(ScrapsNet)))
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config.Validate();
        Phonetic = new PhoneticEncoder(config);
        Acoustic = new AcousticEncoder(config);
        Integrator = nn.LSTM(config.ModelDim, config.LstmHidden, numLayers: 1, batchFirst: true);
        if (config.PhoneBranch is { } branch)
        {
            Branch = new PhoneBranch(config.ModelDim, branch, config.Dropout);
        }

        if (config.CtcHead)
        {
            CtcHead = nn.Linear(config.PhoneBranch?.Dim ?? config.ModelDim, config.VocabSize);
        }

        if (config.MatchingHead is not null)
        {
            Matching = new MatchingHead(config);
        }

        RegisterComponents();
    }

    /// <summary>
    /// Whether the encoders read their inputs' values back to check them (host syncs); the training loop, whose collator
    /// builds only checked values, turns it off.
    /// </summary>
    public bool CheckInputValues
    {
        get => Phonetic.CheckValues;
        set => Phonetic.CheckValues = Acoustic.CheckValues = value;
    }

    /// <summary>SCRAPS vectors [B, D] of phoneme id sequences int64 [B, T] (0 = padding) with lengths int64 [B].</summary>
    public Tensor EmbedPhonemes(Tensor ids, Tensor lengths)
    {
        using var scope = NewDisposeScope();
        var sequence = Phonetic.forward(ids, lengths);
        return Integrate(sequence, lengths).MoveToOuterDisposeScope();
    }

    /// <summary>SCRAPS vectors [B, D] of phoneme id sequences and the phonetic encoder's per-token states [B, T, d] (the matching head's queries).</summary>
    public (Tensor Embeddings, Tensor Sequence) EncodePhonemes(Tensor ids, Tensor lengths)
    {
        using var scope = NewDisposeScope();
        var sequence = Phonetic.forward(ids, lengths);
        return (Integrate(sequence, lengths).MoveToOuterDisposeScope(), sequence.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// The matching head's logit, per phone token, that the audio supports it: [N, T]. <paramref name="frames"/> are the
    /// acoustic side's <see cref="AcousticOutputs.PhoneFeatures"/> of each row's clip.
    /// </summary>
    public Tensor MatchLogits(Tensor phoneStates, Tensor phoneLengths, Tensor frames, Tensor frameLengths) =>
        (Matching ?? throw new InvalidOperationException("This model has no matching head.")).forward(phoneStates, phoneLengths, frames, frameLengths);

    /// <summary>SCRAPS vectors [B, D] of standardised log-mel features [B, T, melBins] with lengths int64 [B].</summary>
    public Tensor EmbedAcoustic(Tensor features, Tensor lengths)
    {
        using var scope = NewDisposeScope();
        var (sequence, stepLengths) = Acoustic.forward(features, lengths);
        return Integrate(sequence, stepLengths).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// SCRAPS vectors [B, D] of standardised log-mel features, with the CTC head's per-step phoneme log-probabilities
    /// [B, T', vocabSize] (null without the head) and the subsampled lengths [B].
    /// </summary>
    public AcousticOutputs EncodeAcoustic(Tensor features, Tensor lengths)
    {
        using var scope = NewDisposeScope();
        var stages = Acoustic.ForwardStages(features, lengths, keepStage2: Branch is not null);
        var embeddings = Integrate(stages.Sequence, stages.Lengths).MoveToOuterDisposeScope();
        var (phoneInput, phoneLengths) = Branch is null
            ? (stages.Sequence, stages.Lengths)
            : (Branch.forward(stages.Stage2!, stages.Stage2Lengths!), stages.Stage2Lengths!);
        var logProbs = CtcHead is null ? null : nn.functional.log_softmax(CtcHead.forward(phoneInput), -1).MoveToOuterDisposeScope();
        var stepLengths = stages.Lengths.MoveToOuterDisposeScope();
        var sameLengths = ReferenceEquals(phoneLengths, stages.Lengths);
        var movedPhoneLengths = sameLengths ? stepLengths : phoneLengths.MoveToOuterDisposeScope();
        return new AcousticOutputs(embeddings, logProbs, stepLengths)
        {
            PhoneStepLengths = movedPhoneLengths,
            PhoneFeatures = Matching is null ? null : (ReferenceEquals(phoneInput, stages.Sequence) ? stages.Sequence : phoneInput).MoveToOuterDisposeScope(),
        };
    }

    /// <summary>Both embeddings for a batch of (phonemes, audio) pairs; row i of each belongs to pair i.</summary>
    public override (Tensor Phonetic, Tensor Acoustic) forward(Tensor phonemes, Tensor phonemeLengths, Tensor features, Tensor featureLengths)
    {
        if (phonemes.dim() >= 1 && features.dim() >= 1 && phonemes.shape[0] != features.shape[0])
        {
            throw new ArgumentException(
                $"A batch of pairs needs as many phoneme sequences as feature sequences, got {phonemes.shape[0]} and {features.shape[0]}.",
                nameof(features));
        }
        var phonetic = EmbedPhonemes(phonemes, phonemeLengths);
        try
        {
            return (phonetic, EmbedAcoustic(features, featureLengths));
        }
        catch
        {
            phonetic.Dispose();
            throw;
        }
    }

    /// <summary>Writes the parameters and buffers (TorchSharp state-dict format).</summary>
    public void SaveWeights(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        save(path);
    }

    /// <summary>
    /// Builds a model of <paramref name="config"/> and loads weights written by <see cref="SaveWeights"/>. With
    /// <paramref name="allowNewCtcHead"/>, weights of a model without the CTC head start a model with one (the head
    /// keeps its random initialisation); every other tensor must be present and of the same shape.
    /// </summary>
    public static ScrapsNet LoadWeights(string path, ScrapsModelConfig config, bool allowNewCtcHead = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Model weights file '{path}' does not exist.", path);
        }
        var model = new ScrapsNet(config);
        try
        {
            var loaded = new Dictionary<string, bool>();
            model.load(path, strict: !(allowNewCtcHead && config.CtcHead), loadedParameters: loaded);
            var missing = model.state_dict().Keys.Where(k => !loaded.GetValueOrDefault(k) && !(allowNewCtcHead && k.StartsWith("ctc_head.", StringComparison.Ordinal))).ToArray();
            if (missing.Length > 0)
            {
                throw new ArgumentException($"the file has no {string.Join(", ", missing)}");
            }
        }
        catch (Exception e) when (e is ArgumentException or EndOfStreamException or IOException or NotImplementedException or System.Runtime.InteropServices.ExternalException)
        {
            model.Dispose();
            throw new InvalidDataException($"Model weights file '{path}' does not match config '{config.Name}': {e.Message}", e);
        }
        return model;
    }

    /// <summary>
    /// Loads plain weights (e.g. read back from a model package's ONNX graphs) into this model's tensors. Tensors under
    /// <paramref name="fresh"/> prefixes keep their initialisation; a CTC head missing from the weights does too.
    /// </summary>
    public void CopyFrom(IReadOnlyDictionary<string, Tensor> weights, IReadOnlyCollection<string>? fresh = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        using var noGrad = no_grad();
        foreach (var (name, target) in state_dict())
        {
            if (fresh?.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)) == true)
            {
                continue;
            }

            if (!weights.TryGetValue(name, out var source))
            {
                if (name.StartsWith("ctc_head.", StringComparison.Ordinal))
                {
                    continue;
                }

                throw new ArgumentException($"no weights for '{name}'");
            }
            if (!source.shape.SequenceEqual(target.shape))
            {
                throw new ArgumentException($"'{name}' is [{string.Join(", ", source.shape)}], the model needs [{string.Join(", ", target.shape)}]");
            }

            target.copy_(source);
        }
    }

    /// <summary>
    /// State-dict prefixes of <paramref name="target"/> that weights of <paramref name="source"/> cannot start: a phone
    /// branch the source lacks, and the CTC head when the branch is new (the head then reads other features).
    /// </summary>
    public static IReadOnlyCollection<string> FreshParts(ScrapsModelConfig source, ScrapsModelConfig target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var fresh = new List<string>();
        if (target.PhoneBranch is not null && source.PhoneBranch != target.PhoneBranch)
        {
            fresh.Add("phone_branch.");
            fresh.Add("ctc_head.");
        }
        if (target.CtcHead && !source.CtcHead)
        {
            fresh.Add("ctc_head.");
        }

        if (target.MatchingHead is not null && source.MatchingHead != target.MatchingHead)
        {
            fresh.Add("matching_head.");
        }

        return fresh;
    }

    /// <summary>LSTM over the sequence; the output at step length - 1 of each row: [B, D].</summary>
    private Tensor Integrate(Tensor sequence, Tensor lengths)
    {
        using var scope = NewDisposeScope();
        var (output, _, _) = Integrator.forward(sequence);
        long batch = output.shape[0], hidden = output.shape[2];
        var last = lengths.to(output.device).sub(One).view(batch, 1, 1).expand(batch, 1, hidden);
        return output.gather(1, last).squeeze(1).MoveToOuterDisposeScope();
    }
}

/// <summary>What the acoustic side of <see cref="ScrapsNet"/> gives for a batch.</summary>
/// <param name="Embeddings">SCRAPS vectors [B, D].</param>
/// <param name="PhoneLogProbs">CTC head log-probabilities [B, T', vocabSize]; null without the head.</param>
/// <param name="StepLengths">Valid steps of each row after subsampling [B].</param>
public sealed record AcousticOutputs(Tensor Embeddings, Tensor? PhoneLogProbs, Tensor StepLengths)
{
    /// <summary>Valid steps of each row of <see cref="PhoneLogProbs"/> (25 ms steps with a phone branch, else <see cref="StepLengths"/>).</summary>
    public Tensor PhoneStepLengths { get; init; } = StepLengths;

    /// <summary>
    /// [B, T', a]: what the CTC head reads (the phone branch's output, else the encoder's sequence), for the matching
    /// head; null for a model without one. Its lengths are <see cref="PhoneStepLengths"/>.
    /// </summary>
    public Tensor? PhoneFeatures { get; init; }
}
