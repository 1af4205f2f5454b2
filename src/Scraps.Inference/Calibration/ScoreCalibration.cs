using Scraps.Inference.Evaluation;
using Scraps.Inference.Package;

namespace Scraps.Inference.Calibration;

/// <summary>
/// Turns a raw SCRAPS score into a match probability (logistic: <c>p = σ(a·score + b)</c>) and a decision
/// (<c>score ≥ threshold</c>, the equal-error point of the held-out pairs it was fitted on).
/// </summary>
public sealed record ScoreCalibration(double A, double B, double Threshold)
{
    public static ScoreCalibration FromManifest(ModelManifest manifest) =>
        new(manifest.Calibration.A, manifest.Calibration.B, manifest.Threshold);

    public double Probability(double score) => LogisticFitter.Sigmoid((A * score) + B);

    public bool IsMatch(double score) => score >= Threshold;

    public CalibrationInfo ToInfo() => new(CalibrationInfo.Logistic, A, B);

    /// <summary>
    /// Fits the logistic mapping on scores of matched and mismatched pairs (classes weighted equally, so the
    /// probability does not depend on how many mismatched pairs were drawn) and puts the threshold at the
    /// equal-error point.
    /// </summary>
    /// <exception cref="ArgumentException">A class is empty or a score is not finite.</exception>
    public static CalibrationFit Fit(ReadOnlySpan<float> matched, ReadOnlySpan<float> mismatched)
    {
        var eer = BinaryScoreMetrics.EqualErrorRate(matched, mismatched);
        var logistic = LogisticFitter.Fit(matched, mismatched);
        return new CalibrationFit(new ScoreCalibration(logistic.A, logistic.B, eer.Threshold), eer.Rate, logistic.Iterations);
    }
}

/// <summary>A fitted calibration with the equal error rate found on the same pairs.</summary>
public sealed record CalibrationFit(ScoreCalibration Calibration, double EqualErrorRate, int Iterations);
