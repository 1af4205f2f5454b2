using Scraps.Inference.Encoders;
using Scraps.Inference.Scoring;

namespace Scraps.Service.Engine;

/// <summary>An answered score, with the prepared inputs the response reports (phonemes, seconds, warnings).</summary>
internal sealed record ScoreOutcome(PairScore Score, PreparedClip Clip, PhoneticInput Phonemes);

internal sealed record RankOutcome(IReadOnlyList<RankedCandidate> Ranked, PreparedClip Clip);

internal sealed record MatrixOutcome(ScoreMatrixResult Matrix, IReadOnlyList<PreparedClip> Clips, IReadOnlyList<PhoneticInput> Phonemes);

internal sealed record CompareOutcome(AudioComparison Comparison, PreparedClip Clip, PreparedClip Reference, PhoneticInput? Phonemes);

internal sealed record AcousticEmbeddingOutcome(EncoderOutput Output, PreparedClip Clip);

internal sealed record PhoneticEmbeddingOutcome(EncoderOutput Output, PhoneticInput Phonemes);
