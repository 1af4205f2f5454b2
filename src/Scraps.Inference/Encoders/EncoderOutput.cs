namespace Scraps.Inference.Encoders;

/// <summary>
/// One encoded item: the SCRAPS vector and, when asked for, the per-step backbone outputs
/// (row-major [<see cref="SequenceSteps"/>, <see cref="SequenceDim"/>], padding removed).
/// </summary>
public sealed record EncoderOutput(float[] Embedding, float[]? Sequence, int SequenceSteps, int SequenceDim);
