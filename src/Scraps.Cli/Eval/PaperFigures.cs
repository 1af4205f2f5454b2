namespace Scraps.Cli.Eval;

/// <summary>
/// Reference figures for the report: the paper's own results where known (arXiv 2307.12445, Table 1 / Figure 2) and
/// the targets of the default model (issues 5, 12 and 13). Rates are fractions; levels are fractions.
/// </summary>
internal static class PaperFigures
{
    /// <summary>Paper: share of pairs whose score drops when 20% of the phonemes are substituted.</summary>
    public const double SubstitutionDrops20 = 0.9106;

    /// <summary>The default model's targets on held-out voices, with the figure each applies to.</summary>
    public static IReadOnlyList<EvalTarget> Targets { get; } =
    [
        new("random-minibatch AUC-ROC >= 0.999", false, r => r.Minibatch.AucRoc.Estimate, v => v >= 0.999),
        new("random-minibatch EER <= 1%", true, r => r.Minibatch.EqualErrorRate.Estimate, v => v <= 0.01),
        new("20% substitution drops >= 90% (paper 91.06%)", true, r => LevelValue(r.Substitution, 0.20, l => l.Shift.DropRate.Estimate), v => v >= 0.90),
        new("gaussian α = 0.6 AUC-ROC >= 0.99", false, r => LevelValue(r.Gaussian, 0.60, l => l.Auc.Estimate), v => v >= 0.99),
        new("mix α = 0.4 AUC-ROC >= 0.99", false, r => LevelValue(r.Mix, 0.40, l => l.Auc.Estimate), v => v >= 0.99),
        new("one-word close-substitution AUC-ROC (verdict) >= 0.95 (issue 12)", false, r => r.NearMisses?.Substitution.VerdictAuc.Estimate, v => v >= 0.95),
        new("localisation top-1 (verdict) >= 85% (issue 12)", true, r => r.NearMisses?.LocalisationVerdict?.Estimate, v => v >= 0.85),
        new("20% substitution drops >= 97% (issue 12)", true, r => LevelValue(r.Substitution, 0.20, l => l.Shift.DropRate.Estimate), v => v >= 0.97),
        new("near misses accepted at the shipped threshold <= 10% (issue 12)", true, r => r.NearMisses?.NearMissFalseAccepts.Estimate, v => v <= 0.10),
        new("matched pairs rejected at the shipped threshold <= 2% (issue 12)", true, r => r.NearMisses?.FalseRejects.Estimate, v => v <= 0.02),
        new("random-minibatch AUC-ROC >= 0.9995 (issue 13)", false, r => r.Minibatch.AucRoc.Estimate, v => v >= 0.9995),
        new("random-minibatch EER <= 0.5% (issue 13)", true, r => r.Minibatch.EqualErrorRate.Estimate, v => v <= 0.005),
        new("one-word close-substitution AUC-ROC (verdict) >= 0.97 (issue 13)", false, r => r.NearMisses?.Substitution.VerdictAuc.Estimate, v => v >= 0.97),
        new("localisation top-1 (verdict) >= 90% (issue 13)", true, r => r.NearMisses?.LocalisationVerdict?.Estimate, v => v >= 0.90),
        new("gaussian α = 0.8 AUC-ROC >= 0.90 (issue 13; paper 0.80)", false, r => LevelValue(r.Gaussian, 0.80, l => l.Auc.Estimate), v => v >= 0.90),
        new("mix α = 0.6 AUC-ROC >= 0.85 (issue 13; paper 0.76)", false, r => LevelValue(r.Mix, 0.60, l => l.Auc.Estimate), v => v >= 0.85),
    ];

    /// <summary>The figure at <paramref name="level"/>, or null when that level was not run.</summary>
    public static double? LevelValue(IReadOnlyList<CorruptionLevelResult> levels, double level, Func<CorruptionLevelResult, double> figure)
    {
        var match = levels.FirstOrDefault(l => Math.Abs(l.Level - level) < 1e-9);
        return match is null ? null : figure(match);
    }
}

/// <summary>
/// A target figure: what it says, whether it is a rate shown as a percentage (else an AUC-ROC), how to read it from a
/// report (null when not measured), and whether a value meets it.
/// </summary>
internal sealed record EvalTarget(string Description, bool IsPercentage, Func<EvalReport, double?> Value, Func<double, bool> IsMet);
