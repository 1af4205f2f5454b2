using Scraps.Inference.Calibration;
using Scraps.Inference.Evaluation;
using Scraps.Inference.Scoring;

namespace Scraps.Cli.Eval;

/// <summary>What one set's clips scored: the pairs' verdict logits (or raw scores without the CTC head) by kind, and the per-clip hits.</summary>
internal sealed class SetScores
{
    public int Speakers { get; set; }

    public List<double> MatchedScores { get; } = [];

    public List<double> UnrelatedScores { get; } = [];

    public List<double> Matched { get; } = [];

    public List<double> Unrelated { get; } = [];

    /// <summary>(matched, substituted) verdict logits of the same clip.</summary>
    public List<(double Matched, double Edited)> Substituted { get; } = [];

    public List<(double Matched, double Edited)> Close { get; } = [];

    public List<WordLocalisation> Localised { get; } = [];

    public List<bool> RankHits { get; } = [];

    public List<double> PhoneErrors { get; } = [];

    public void Add(PairScore[] matched, PairScore[] unrelated)
    {
        MatchedScores.AddRange(matched.Select(m => m.Score));
        UnrelatedScores.AddRange(unrelated.Select(u => u.Score));
        Matched.AddRange(matched.Select(Value));
        Unrelated.AddRange(unrelated.Select(Value));
    }

    public void AddNearMisses(PairScore?[] edited, PairScore[] matched, List<(double, double)> into)
    {
        for (var i = 0; i < edited.Length; i++)
        {
            if (edited[i] is { } e)
            {
                into.Add((Value(matched[i]), Value(e)));
            }
        }
    }

    public static SetScores Pool(IEnumerable<SetScores> sets)
    {
        var pooled = new SetScores();
        foreach (var s in sets)
        {
            pooled.Speakers += s.Speakers;
            pooled.MatchedScores.AddRange(s.MatchedScores);
            pooled.UnrelatedScores.AddRange(s.UnrelatedScores);
            pooled.Matched.AddRange(s.Matched);
            pooled.Unrelated.AddRange(s.Unrelated);
            pooled.Substituted.AddRange(s.Substituted);
            pooled.Close.AddRange(s.Close);
            pooled.Localised.AddRange(s.Localised);
            pooled.RankHits.AddRange(s.RankHits);
            pooled.PhoneErrors.AddRange(s.PhoneErrors);
        }
        return pooled;
    }

    public SetFigures Figures(string name, ScrapsScorer scorer)
    {
        var verdict = VerdictCalibration.FromManifest(scorer.Model.Manifest);
        var thresholds = verdict is null
            ? new Dictionary<VerdictStrictness, double> { [VerdictStrictness.Balanced] = scorer.Model.Calibration.Threshold }
            : Enum.GetValues<VerdictStrictness>().ToDictionary(s => s, verdict.ThresholdOf);
        var matched = Matched.Select(v => (float)v).ToArray();
        var unrelated = Unrelated.Select(v => (float)v).ToArray();
        var eer = BinaryScoreMetrics.EqualErrorRate(matched, unrelated);
        return new SetFigures(
            name,
            Matched.Count,
            Speakers,
            Auc(Matched, Unrelated),
            ConfidenceIntervals.Wilson(eer.Rate * unrelated.Length, unrelated.Length),
            ConfidenceIntervals.Wilson(RankHits.Count(h => h), Math.Max(1, RankHits.Count)),
            PairedAuc(Substituted),
            Substituted.Count,
            PairedAuc(Close),
            Close.Count,
            Share(Localised.Select(l => (bool?)l.Shipped)),
            Localised.Count,
            thresholds.ToDictionary(t => t.Key, t => new OperatingPointFigures(
                ConfidenceIntervals.Wilson(Unrelated.Count(v => v >= t.Value), Math.Max(1, Unrelated.Count)),
                ConfidenceIntervals.Wilson(Matched.Count(v => v < t.Value), Math.Max(1, Matched.Count)),
                ConfidenceIntervals.Wilson(Close.Count(c => c.Edited >= t.Value), Math.Max(1, Close.Count)),
                ConfidenceIntervals.Wilson(Substituted.Count(c => c.Edited >= t.Value), Math.Max(1, Substituted.Count)))),
            PhoneErrors.Count == 0 ? null : ConfidenceIntervals.Mean(PhoneErrors))
        {
            LocalisationGoodness = Share(Localised.Select(l => (bool?)l.Goodness)),
            LocalisationMatching = Share(Localised.Select(l => l.Matching)),
        };
    }

    /// <summary>The share of hits with its Wilson interval; null when there are none or some are unknown.</summary>
    private static ConfidenceInterval? Share(IEnumerable<bool?> hits)
    {
        var all = hits.ToArray();
        return all.Length == 0 || all.Any(h => h is null) ? null : ConfidenceIntervals.Wilson(all.Count(h => h == true), all.Length);
    }

    /// <summary>The verdict's log-odds where the model has one, else the raw score: what its decision thresholds.</summary>
    private static double Value(PairScore s) => s.VerdictLogit ?? s.Score;

    private static ConfidenceInterval Auc(IReadOnlyList<double> positives, IReadOnlyList<double> negatives)
    {
        if (positives.Count == 0 || negatives.Count == 0)
        {
            return new ConfidenceInterval(double.NaN, double.NaN, double.NaN, 0.95);
        }

        var auc = BinaryScoreMetrics.AucRoc(positives.Select(v => (float)v).ToArray(), negatives.Select(v => (float)v).ToArray());
        return ConfidenceIntervals.HanleyMcNeil(auc, positives.Count, negatives.Count);
    }

    /// <summary>AUC of each clip's own transcript against its edit, over all matched and edited values of the set.</summary>
    private static ConfidenceInterval PairedAuc(List<(double Matched, double Edited)> pairs) =>
        Auc(pairs.Select(p => p.Matched).ToArray(), pairs.Select(p => p.Edited).ToArray());
}

/// <summary>One set's figures (95% intervals; rates as fractions).</summary>
internal sealed record SetFigures(
    string Name,
    int Clips,
    int Speakers,
    ConfidenceInterval RandomAuc,
    ConfidenceInterval EqualErrorRate,
    ConfidenceInterval RecallAt1,
    ConfidenceInterval SubstitutionAuc,
    int SubstitutionPairs,
    ConfidenceInterval CloseWordAuc,
    int CloseWordPairs,
    ConfidenceInterval? Localisation,
    int LocalisedPairs,
    IReadOnlyDictionary<VerdictStrictness, OperatingPointFigures> Verdict,
    ConfidenceInterval? PhoneErrorRate)
{
    /// <summary>Localisation by goodness of pronunciation alone.</summary>
    public ConfidenceInterval? LocalisationGoodness { get; init; }

    /// <summary>Localisation by the matching head alone (null without one).</summary>
    public ConfidenceInterval? LocalisationMatching { get; init; }
}

/// <summary>Whether the close word was the least supported word by the shipped confidence, by goodness alone, by the matching head alone (null without one).</summary>
internal readonly record struct WordLocalisation(bool Shipped, bool Goodness, bool? Matching);

/// <summary>The verdict's errors at one operating point: unrelated transcripts accepted, correct ones rejected, near misses accepted.</summary>
internal sealed record OperatingPointFigures(
    ConfidenceInterval UnrelatedAccepted, ConfidenceInterval CorrectRejected, ConfidenceInterval CloseWordAccepted, ConfidenceInterval SubstitutionAccepted);

/// <summary>The benchmark: one row per set (and the human sets pooled), with each set's matched and unrelated raw scores for the plot.</summary>
internal sealed record SetBenchmarkReport(
    IReadOnlyList<SetFigures> Sets, IReadOnlyDictionary<string, IReadOnlyList<double>> MatchedScores, IReadOnlyDictionary<string, IReadOnlyList<double>> UnrelatedScores);
