namespace Scraps.Inference.Encoders;

/// <summary>What an encoder run returns besides the SCRAPS vector (always returned); a batch serves the union of its requests.</summary>
[Flags]
public enum EncoderOutputs
{
    /// <summary>The SCRAPS vector only.</summary>
    Embedding = 0,

    /// <summary>The per-step backbone outputs.</summary>
    Sequence = 1,

    /// <summary>The CTC head's per-step phoneme log-probabilities (acoustic encoder of a model with the head).</summary>
    PhoneLogProbs = 2,

    /// <summary>What the CTC head reads, for the matching head (acoustic encoder of a model with a matching head).</summary>
    PhoneFeatures = 4,
}
