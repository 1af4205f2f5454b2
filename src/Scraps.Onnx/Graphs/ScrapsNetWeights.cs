namespace Scraps.Onnx.Graphs;

/// <summary>All weights of a Scraps network as plain arrays (PyTorch layouts), plus its sizes.</summary>
public sealed record ScrapsNetWeights(
    ScrapsModelConfig Dims,
    PhoneticEncoderWeights Phonetic,
    AcousticEncoderWeights Acoustic,
    LstmWeights Integrator)
{
    /// <summary>The CTC head Linear(d, vocabSize) on the acoustic per-step outputs; null for a model without it.</summary>
    public LinearWeights? CtcHead { get; init; }

    /// <summary>The phone branch between the acoustic encoder's 25 ms stage and the CTC head; null without one.</summary>
    public PhoneBranchWeights? PhoneBranch { get; init; }

    /// <summary>The matching head (its own graph, matching.onnx); null without one.</summary>
    public MatchingHeadWeights? MatchingHead { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first weight whose size disagrees with <see cref="Dims"/>.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Dims);
        try
        {
            Dims.Validate();
        }
        catch (InvalidDataException e)
        {
            throw new ArgumentException(e.Message, nameof(Dims), e);
        }

        Phonetic.Validate(Dims);
        Acoustic.Validate(Dims);
        Integrator.Validate(Dims);
        if (Dims.CtcHead != CtcHead is not null)
        {
            throw new ArgumentException(Dims.CtcHead
                ? "The config has a CTC head but the weights have none ('ctc_head')."
                : "The weights have a CTC head ('ctc_head') but the config says ctcHead: false.");
        }

        if ((Dims.PhoneBranch is null) != (PhoneBranch is null))
        {
            throw new ArgumentException(Dims.PhoneBranch is null
                ? "The weights have a phone branch ('phone_branch') but the config has none."
                : "The config has a phone branch but the weights have none ('phone_branch').");
        }

        PhoneBranch?.Validate(Dims);
        if ((Dims.MatchingHead is null) != (MatchingHead is null))
        {
            throw new ArgumentException(Dims.MatchingHead is null
                ? "The weights have a matching head ('matching_head') but the config has none."
                : "The config has a matching head but the weights have none ('matching_head').");
        }

        MatchingHead?.Validate(Dims);
        CtcHead?.Validate("ctc_head", Dims.PhoneBranch?.Dim ?? Dims.ModelDim, Dims.VocabSize);
    }
}
