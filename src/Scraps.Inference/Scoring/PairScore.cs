namespace Scraps.Inference.Scoring;

/// <summary>
/// How well one clip realises one phoneme sequence: the raw SCRAPS score (dot product of the two vectors), the
/// calibrated match probability, and the decision at the package's threshold.
/// </summary>
public sealed record PairScore(double Score, double Probability, bool Match);
