using Scraps.Inference.Calibration;

namespace Scraps.Inference.Scoring;

/// <summary>
/// The operating point of a verdict: a named strictness (the package's thresholds for it), or a logit threshold of the
/// caller's own, which wins when given.
/// </summary>
public sealed record VerdictOptions(VerdictStrictness Strictness = VerdictStrictness.Balanced, double? Threshold = null)
{
    public static VerdictOptions Default { get; } = new();
}
