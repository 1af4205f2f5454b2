namespace Scraps.Inference.Scoring;

/// <summary>
/// An audio clip against a reference clip (voice-conversion intelligibility, paper 4.8): the raw dot product of
/// their acoustic SCRAPS vectors and its cosine, plus the clip's score against a transcript when one was given.
/// </summary>
public sealed record AudioComparison(double Score, double Cosine, PairScore? TextScore, PhoneticInput? Phonemes);
