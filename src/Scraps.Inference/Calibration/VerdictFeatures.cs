using Scraps.Inference.Alignment;

namespace Scraps.Inference.Calibration;

/// <summary>
/// What the verdict of one (clip, transcript) pair reads: the SCRAPS score, the CTC alignment (mean and lowest word
/// goodness, the share of speech left unexplained), the transcript's length in phones and the clip's in seconds, and,
/// with a matching head, its pair logit and its lowest word logit.
/// </summary>
public sealed record VerdictFeatures(double Score, AlignmentReport Alignment, int Phones, double Seconds)
{
    /// <summary>The matching head's pair logit (soft minimum over the phones); null without a head.</summary>
    public double? Match { get; init; }

    /// <summary>The matching head's lowest word logit; null without a head.</summary>
    public double? MinWordMatch { get; init; }

    /// <summary>
    /// Which kind of speech the pair's clip is (e.g. synthetic or human), for a fit that weighs each kind alike and
    /// caps false rejects in each; null: one group.
    /// </summary>
    public string? Group { get; init; }

    /// <summary>The values the verdict weighs, in <see cref="VerdictCalibration.FeatureNames"/>' order.</summary>
    public double[] Vector(bool withMatching) =>
    [
        Score, Alignment.Score, Alignment.MinWordGoodness, Alignment.Unexplained, Math.Log(1 + Phones), Math.Log(Math.Max(Seconds, 0.01)),
        .. withMatching ? new[] { Match ?? 0, MinWordMatch ?? 0 } : [],
    ];
}
