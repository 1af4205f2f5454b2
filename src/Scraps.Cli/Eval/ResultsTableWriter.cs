using System.Globalization;
using System.Text;
using Scraps.Inference.Evaluation;

namespace Scraps.Cli.Eval;

/// <summary>
/// Writes <c>table.md</c>: the report in the layout of the paper's Table 1 (one row per metric; the corruption levels
/// as columns), with the paper's figures alongside where known, the word-swap hard negatives, and the default model's
/// targets with whether they are met. Percentages for rates, three or four decimals for AUC-ROC.
/// </summary>
internal static class ResultsTableWriter
{
    public const string FileName = "table.md";

    public static string Render(EvalReport report, EvalRunInfo info)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(info);
        var md = new StringBuilder();
        Line(md, "# SCRAPS evaluation");
        Line(md);
        var subset = report.Subset is null ? string.Empty : $" ({report.Subset}; every minibatch drawn from them)";
        Line(md, $"Model `{info.Model}` on `{info.Manifest}`{subset}: {report.Pairs} matched pairs in {report.Batches} random minibatch(es) of {report.BatchSize}, seed {info.Seed}.");
        Line(md, "Intervals are 95%: Student t over the minibatches for means, Wilson for the shares of pairs whose score drops or lifts.");
        Line(md);

        Line(md, "## Random minibatch (paper section 4.2, Table 1)");
        Line(md);
        Line(md, "| Metric | This model | 95% CI | Paper |");
        Line(md, "|---|---|---|---|");
        var m = report.Minibatch;
        Line(md, $"| AUC-ROC | {Auc(m.AucRoc.Estimate)} | {Range(m.AucRoc, Auc)} | — |");
        Line(md, $"| EER (%) | {Percent(m.EqualErrorRate.Estimate)} | {Range(m.EqualErrorRate, Percent)} | — |");
        Line(md, $"| Recall@1 audio → text (%) | {Percent(m.RecallAt1AcousticToPhonetic.Estimate)} | {Range(m.RecallAt1AcousticToPhonetic, Percent)} | — |");
        Line(md, $"| Recall@1 text → audio (%) | {Percent(m.RecallAt1PhoneticToAcoustic.Estimate)} | {Range(m.RecallAt1PhoneticToAcoustic, Percent)} | — |");
        Line(md);

        Line(md, "## Sensitivity and robustness (paper section 4.3, Table 1 and Figure 2)");
        Line(md);
        Line(md, "Substitution: that share of the phones replaced by random other phones. Gaussian and mix: M' = (1 - α) M + α N on");
        Line(md, "standardised spectrograms (paper Eq. 3), N standard Gaussian noise or another clip's spectrogram. AUC-ROC: corrupted");
        Line(md, "matched pairs against mismatched pairs of the same minibatch. Drops / lifts: pairs whose score fell / rose.");
        Line(md);
        var levels = report.Substitution.Select(l => l.Level).ToArray();
        Line(md, "| Metric | " + string.Join(" | ", levels.Select(l => Percent(l, "0") + "%")) + " |");
        Line(md, "|---|" + string.Concat(levels.Select(_ => "---|")));
        Rows(md, "Substitution", report.Substitution);
        Line(md, "| Substitution drops, paper (%) | " + string.Join(" | ", levels.Select(l => Math.Abs(l - 0.20) < 1e-9 ? Percent(PaperFigures.SubstitutionDrops20) : "—")) + " |");
        Rows(md, "Gaussian", report.Gaussian);
        Rows(md, "Mix", report.Mix);
        Line(md);

        Line(md, "## Hard negatives: one word swapped (not in the paper)");
        Line(md);
        Line(md, "| Metric | This model | Pairs |");
        Line(md, "|---|---|---|");
        Line(md, $"| Word-swap AUC-ROC (matched vs one-word near-miss) | {(report.WordSwap.Auc is { } swap ? Auc(swap) : "n/a")} | {report.WordSwap.Pairs} |");
        Line(md);

        if (report.NearMisses is { } n)
        {
            Line(md, "## Near misses: one wrong word (issue 12)");
            Line(md);
            Line(md, "Each pair's own transcript against an edit of it: one word replaced by a lexicon word 1 phone away (words of up to 3");
            Line(md, $"phones) or 1-2 phones away, one word deleted, one random word inserted. Verdict: {(n.HasAlignment ? "the model's probability, SCRAPS score and CTC alignment combined" : "the raw score (this model has no CTC head)")}.");
            Line(md, "AUC intervals: Hanley-McNeil; shares: Wilson.");
            Line(md);
            Line(md, "| Near miss | Pairs | AUC-ROC, score alone | AUC-ROC, verdict |");
            Line(md, "|---|---|---|---|");
            foreach (var row in new[] { n.Substitution, n.Deletion, n.Insertion })
            {
                Line(md, $"| {row.Kind} | {row.Pairs} | {Auc(row.ScoreAuc.Estimate)} ({Range(row.ScoreAuc, Auc)}) | {Auc(row.VerdictAuc.Estimate)} ({Range(row.VerdictAuc, Auc)}) |");
            }

            Line(md);
            Line(md, "| Localisation and decisions | This model | 95% CI |");
            Line(md, "|---|---|---|");
            if (n.LocalisationVerdict is { } verdict)
            {
                Line(md, $"| Substituted word is the least supported (the shipped word confidence), top-1 (%), {n.LocalisedPairs} pairs | {Percent(verdict.Estimate)} | {Range(verdict, Percent)} |");
            }

            if (n.LocalisationGoodness is { } goodness && n.LocalisationMatching is { } matching)
            {
                Line(md, $"| ... by goodness of pronunciation alone (CTC alignment), top-1 (%) | {Percent(goodness.Estimate)} | {Range(goodness, Percent)} |");
                Line(md, $"| ... by the matching head alone, top-1 (%) | {Percent(matching.Estimate)} | {Range(matching, Percent)} |");
            }

            Line(md, $"| Substituted word is the one whose removal raises the score most (score alone), top-1 (%) | {Percent(n.LocalisationScore.Estimate)} | {Range(n.LocalisationScore, Percent)} |");
            Line(md, $"| Matched pairs rejected at the shipped threshold (%) | {Percent(n.FalseRejects.Estimate)} | {Range(n.FalseRejects, Percent)} |");
            Line(md, $"| Close-word substitutions accepted (%) | {Percent(n.NearMissFalseAccepts.Estimate)} | {Range(n.NearMissFalseAccepts, Percent)} |");
            Line(md, $"| Another utterance's transcript accepted (%) | {Percent(n.RandomFalseAccepts.Estimate)} | {Range(n.RandomFalseAccepts, Percent)} |");
            Line(md);
        }

        Line(md, "## Targets of the default model (issues 5, 12 and 13)");
        Line(md);
        Line(md, "| Target | This model | Met |");
        Line(md, "|---|---|---|");
        foreach (var target in PaperFigures.Targets)
        {
            var value = target.Value(report) is { } v && !double.IsNaN(v) ? v : (double?)null;
            var shown = value is null ? "not measured" : target.IsPercentage ? Percent(value.Value) + "%" : Auc(value.Value);
            var met = value is null ? "—" : target.IsMet(value.Value) ? "yes" : "no";
            Line(md, $"| {target.Description} | {shown} | {met} |");
        }

        return md.ToString();
    }

    public static void Write(EvalReport report, EvalRunInfo info, string path) => File.WriteAllText(path, Render(report, info));

    private static void Rows(StringBuilder md, string name, IReadOnlyList<CorruptionLevelResult> levels)
    {
        Line(md, $"| {name} drops (%) | " + string.Join(" | ", levels.Select(l => $"{Percent(l.Shift.DropRate.Estimate)} ({Range(l.Shift.DropRate, Percent)})")) + " |");
        Line(md, $"| {name} lifts (%) | " + string.Join(" | ", levels.Select(l => $"{Percent(l.Shift.LiftRate.Estimate)} ({Range(l.Shift.LiftRate, Percent)})")) + " |");
        Line(md, $"| {name} AUC-ROC | " + string.Join(" | ", levels.Select(l => $"{Auc(l.Auc.Estimate)} ({Range(l.Auc, Auc)})")) + " |");
    }

    private static string Range(ConfidenceInterval interval, Func<double, string> format) =>
        double.IsNaN(interval.Lower) ? "n/a" : $"{format(interval.Lower)}–{format(interval.Upper)}";

    // NaN: a figure with no pairs to measure it on (e.g. word deletion when every transcript is one word).
    private static string Auc(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Percent(double fraction) => Percent(fraction, "0.00");

    private static string Percent(double fraction, string format) => double.IsNaN(fraction) ? "n/a" : (100 * fraction).ToString(format, CultureInfo.InvariantCulture);

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
