namespace Scraps.Inference.Scoring;

/// <summary>One candidate transcript of a ranking, with its place in the request and its score.</summary>
/// <param name="Index">Its position in the request (0-based).</param>
public sealed record RankedCandidate(int Index, PhoneticInput Phonemes, PairScore Score);
