namespace Scraps.Inference.Package;

/// <summary>
/// model.json "verdict" (packages whose model has the CTC head): the combined calibration
/// p = σ(scoreWeight·score + alignmentWeight·alignment + wordWeight·minWord + bias), the logit threshold of the
/// decision and the word-goodness threshold of a word's match.
/// </summary>
public sealed record VerdictInfo(double ScoreWeight, double AlignmentWeight, double WordWeight, double Bias, double Threshold, double WordThreshold);
