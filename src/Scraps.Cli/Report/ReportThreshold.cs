using System.Globalization;
using Scraps.Inference.Calibration;
using Scraps.Inference.Package;

namespace Scraps.Cli.Report;

/// <summary>
/// Where the model draws the line between kept and dropped pairs. With the logistic calibration a pair matches when
/// its raw score reaches <see cref="Score"/>, i.e. its probability reaches <see cref="Probability"/>; with the CTC
/// head's verdict the decision combines score, alignment and the weakest word, so only the probability threshold
/// exists (σ of the verdict's threshold).
/// </summary>
internal sealed record ReportThreshold(double? Score, double Probability, string Rule)
{
    public static ReportThreshold Of(ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Verdict is { } verdict)
        {
            var p = VerdictCalibration.FromManifest(manifest)!.Probability(verdict.Threshold);
            return new ReportThreshold(null, p, string.Create(CultureInfo.InvariantCulture,
                $"kept when the verdict (score, alignment and weakest word) gives p ≥ {p:0.000}"));
        }

        var probability = ScoreCalibration.FromManifest(manifest).Probability(manifest.Threshold);
        return new ReportThreshold(manifest.Threshold, probability, string.Create(CultureInfo.InvariantCulture,
            $"kept when score ≥ {manifest.Threshold:0.000} (p ≥ {probability:0.000}), the equal-error point on held-out pairs"));
    }
}
