namespace Scraps.Inference.Encoders;

/// <summary>
/// One encoded item: the SCRAPS vector and, when asked for, the per-step backbone outputs
/// (row-major [<see cref="SequenceSteps"/>, <see cref="SequenceDim"/>], padding removed).
/// </summary>
public sealed record EncoderOutput(float[] Embedding, float[]? Sequence, int SequenceSteps, int SequenceDim)
{
    /// <summary>The CTC head's log-probabilities, when asked for (acoustic encoder of a model with the head).</summary>
    public PhonePosteriors? PhoneLogProbs { get; init; }

    /// <summary>
    /// What the CTC head reads, row-major [<see cref="PhoneFeatureSteps"/>, width], when asked for (acoustic encoder of a
    /// model with a matching head): the frames the matching head attends to.
    /// </summary>
    public float[]? PhoneFeatures { get; init; }

    public int PhoneFeatureSteps { get; init; }
}

/// <summary>Per-step phoneme log-probabilities of one clip: row-major [<see cref="Steps"/>, <see cref="Classes"/>], class 0 the CTC blank.</summary>
/// <param name="StepSeconds">Duration of one step (hop x subsampling / sample rate).</param>
public sealed record PhonePosteriors(float[] LogProbs, int Steps, int Classes, double StepSeconds);
