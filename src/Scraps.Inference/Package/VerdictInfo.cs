namespace Scraps.Inference.Package;

/// <summary>
/// model.json "verdict" (packages whose model has the CTC head): the combined calibration
/// p = σ(scoreWeight·score + alignmentWeight·alignment + wordWeight·minWord + bias + the optional terms below), the logit
/// threshold of the decision and the threshold of a word's match. Packages before 0.6.0 have only the first six fields;
/// the others then weigh nothing, and a word's logit is its goodness.
/// </summary>
public sealed record VerdictInfo(double ScoreWeight, double AlignmentWeight, double WordWeight, double Bias, double Threshold, double WordThreshold)
{
    /// <summary>Weight of the share of steps the transcript leaves unexplained (<c>AlignmentReport.Unexplained</c>).</summary>
    public double UnexplainedWeight { get; init; }

    /// <summary>Weight of ln(1 + phones): the other figures grow with a transcript's length, this keeps one threshold for all.</summary>
    public double PhonesWeight { get; init; }

    /// <summary>Weight of ln(seconds of audio).</summary>
    public double SecondsWeight { get; init; }

    /// <summary>Weight of the matching head's pair logit (models with a matching head).</summary>
    public double MatchWeight { get; init; }

    /// <summary>Weight of the lowest word logit of the matching head.</summary>
    public double WordMatchWeight { get; init; }

    /// <summary>The lenient operating point: keeps more good data (at most 1% of matched pairs rejected where fitted); null: the threshold.</summary>
    public double? LenientThreshold { get; init; }

    /// <summary>The strict operating point: the equal-error point against near misses (catches more wrong words, drops more good data).</summary>
    public double? StrictThreshold { get; init; }

    /// <summary>A word's logit = wordGoodnessWeight·goodness + wordMatchLogitWeight·matchLogit + wordBias (defaults: its goodness).</summary>
    public double WordGoodnessWeight { get; init; } = 1;

    public double WordMatchLogitWeight { get; init; }

    public double WordBias { get; init; }
}
