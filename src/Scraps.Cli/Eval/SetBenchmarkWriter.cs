using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScottPlot;
using Scraps.Inference.Evaluation;

namespace Scraps.Cli.Eval;

/// <summary>
/// Writes the per-set benchmark: <c>sets.md</c> (one table of discrimination and near-miss figures, one of the verdict's
/// errors at each operating point), <c>sets.json</c>, and <c>score-distributions.png</c>: each set's matched and
/// unrelated raw scores as density curves, human sets beside the synthetic ones (the domain gap, as a picture).
/// </summary>
internal static class SetBenchmarkWriter
{
    public const string TableFile = "sets.md";
    public const string JsonFile = "sets.json";
    public const string PlotFile = "score-distributions.png";

    public static void Write(SetBenchmarkReport report, EvalRunInfo info, string folder)
    {
        File.WriteAllText(Path.Combine(folder, TableFile), Table(report, info));
        File.WriteAllText(Path.Combine(folder, JsonFile), Json(report).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Plot(report, Path.Combine(folder, PlotFile));
    }

    public static string Table(SetBenchmarkReport report, EvalRunInfo info)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Per-set benchmark: {info.Model} on {info.Manifest} (seed {info.Seed})\n\n");
        md.Append("Every clip against its own transcript, an unrelated transcript of its set, a one-word substitution and a close-word near miss ");
        md.Append("(a word of the set one phone away where it has one, else a lexicon neighbour). AUCs of the verdict (raw score without the CTC head), ");
        md.Append("95% intervals in brackets.\n\n");
        md.Append("| set | clips | speakers | random-pair AUC | EER | R@1 in set | substitution AUC | close-word AUC | localisation top-1 | phone error rate |\n");
        md.Append("|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var s in report.Sets)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {s.Name} | {s.Clips} | {s.Speakers} | {Ci(s.RandomAuc, 4)} | {Pct(s.EqualErrorRate)} | {Pct(s.RecallAt1)} | {Ci(s.SubstitutionAuc, 3)} ({s.SubstitutionPairs}) | " +
                $"{Ci(s.CloseWordAuc, 3)} ({s.CloseWordPairs}) | {(s.Localisation is { } l ? $"{Pct(l)} ({s.LocalisedPairs})" : "n/a")} | {(s.PhoneErrorRate is { } p ? Ci(p, 3) : "n/a")} |\n");
        }

        if (report.Sets.Any(s => s.LocalisationGoodness is not null && s.LocalisationMatching is not null))
        {
            md.Append("\nLocalisation of the close word by the parts of the shipped word confidence (issue 20: goodness of pronunciation, the matching head, both):\n\n");
            md.Append("| set | pairs | shipped (both) | goodness alone | matching head alone |\n|---|---|---|---|---|\n");
            foreach (var s in report.Sets.Where(s => s.Localisation is not null && s.LocalisationGoodness is not null && s.LocalisationMatching is not null))
            {
                md.Append(CultureInfo.InvariantCulture, $"| {s.Name} | {s.LocalisedPairs} | {Pct(s.Localisation!.Value)} | {Pct(s.LocalisationGoodness!.Value)} | {Pct(s.LocalisationMatching!.Value)} |\n");
            }
        }

        md.Append("\nThe verdict's errors at each operating point (`balanced` is the package's threshold):\n\n");
        md.Append("| set | operating point | unrelated accepted | correct rejected | close-word near misses accepted | substitutions accepted |\n");
        md.Append("|---|---|---|---|---|---|\n");
        foreach (var s in report.Sets)
        {
            foreach (var (point, f) in s.Verdict.OrderBy(v => v.Key))
            {
                md.Append(CultureInfo.InvariantCulture,
                    $"| {s.Name} | {point.ToString().ToLowerInvariant()} | {Pct(f.UnrelatedAccepted)} | {Pct(f.CorrectRejected)} | {Pct(f.CloseWordAccepted)} | {Pct(f.SubstitutionAccepted)} |\n");
            }
        }

        md.Append(CultureInfo.InvariantCulture, $"\nScore distributions: ![matched and unrelated scores per set]({PlotFile})\n");
        return md.ToString();
    }

    private static JsonObject Json(SetBenchmarkReport report)
    {
        static JsonNode? Interval(ConfidenceInterval? c) => c is { } v && double.IsFinite(v.Estimate)
            ? new JsonObject { ["estimate"] = v.Estimate, ["lower"] = v.Lower, ["upper"] = v.Upper }
            : null;
        var sets = new JsonArray();
        foreach (var s in report.Sets)
        {
            sets.Add(new JsonObject
            {
                ["set"] = s.Name,
                ["clips"] = s.Clips,
                ["speakers"] = s.Speakers,
                ["randomAuc"] = Interval(s.RandomAuc),
                ["eer"] = Interval(s.EqualErrorRate),
                ["recallAt1"] = Interval(s.RecallAt1),
                ["substitutionAuc"] = Interval(s.SubstitutionAuc),
                ["closeWordAuc"] = Interval(s.CloseWordAuc),
                ["localisation"] = Interval(s.Localisation),
                ["localisationGoodness"] = Interval(s.LocalisationGoodness),
                ["localisationMatching"] = Interval(s.LocalisationMatching),
                ["phoneErrorRate"] = Interval(s.PhoneErrorRate),
                ["verdict"] = new JsonObject(s.Verdict.OrderBy(v => v.Key).Select(v => KeyValuePair.Create(v.Key.ToString().ToLowerInvariant(), (JsonNode?)new JsonObject
                {
                    ["unrelatedAccepted"] = Interval(v.Value.UnrelatedAccepted),
                    ["correctRejected"] = Interval(v.Value.CorrectRejected),
                    ["closeWordAccepted"] = Interval(v.Value.CloseWordAccepted),
                    ["substitutionAccepted"] = Interval(v.Value.SubstitutionAccepted),
                }))),
            });
        }

        return new JsonObject { ["sets"] = sets };
    }

    private static void Plot(SetBenchmarkReport report, string path)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var all = report.MatchedScores.Values.Concat(report.UnrelatedScores.Values).SelectMany(v => v).ToArray();
        if (all.Length == 0)
        {
            return;
        }

        var (low, high) = (all.Min(), all.Max());
        var names = report.MatchedScores.Keys.ToArray();
        for (var i = 0; i < names.Length; i++)
        {
            var color = palette.GetColor(i);
            Density(plot, report.MatchedScores[names[i]], low, high, color, LinePattern.Solid, $"{names[i]}: own transcript");
            Density(plot, report.UnrelatedScores[names[i]], low, high, color, LinePattern.Dashed, $"{names[i]}: unrelated");
        }

        plot.Title("Raw scores of matched and unrelated pairs, per set");
        plot.XLabel("score (dot product of the acoustic and phonetic vectors)");
        plot.YLabel("share of the set's pairs per unit of score");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 1000, 560);
    }

    /// <summary>A histogram of 60 bins normalised to a density, drawn as a line (several sets stay readable on one plot).</summary>
    private static void Density(Plot plot, IReadOnlyList<double> values, double low, double high, Color color, LinePattern pattern, string label)
    {
        if (values.Count == 0)
        {
            return;
        }

        const int Bins = 60;
        var width = Math.Max((high - low) / Bins, 1e-9);
        var counts = new double[Bins];
        foreach (var v in values)
        {
            counts[Math.Clamp((int)((v - low) / width), 0, Bins - 1)]++;
        }

        var xs = Enumerable.Range(0, Bins).Select(b => low + ((b + 0.5) * width)).ToArray();
        var line = plot.Add.Scatter(xs, counts.Select(c => c / (values.Count * width)).ToArray(), color);
        line.LinePattern = pattern;
        line.LineWidth = 2;
        line.MarkerSize = 0;
        line.LegendText = $"{label} ({values.Count})";
    }

    private static string Ci(ConfidenceInterval c, int digits) =>
        double.IsFinite(c.Estimate)
            ? string.Create(CultureInfo.InvariantCulture, $"{c.Estimate.ToString("F" + digits, CultureInfo.InvariantCulture)} [{c.Lower.ToString("F" + digits, CultureInfo.InvariantCulture)}-{c.Upper.ToString("F" + digits, CultureInfo.InvariantCulture)}]")
            : "n/a";

    private static string Pct(ConfidenceInterval c) =>
        double.IsFinite(c.Estimate) ? string.Create(CultureInfo.InvariantCulture, $"{100 * c.Estimate:0.0}% [{100 * c.Lower:0.0}-{100 * c.Upper:0.0}]") : "n/a";
}
