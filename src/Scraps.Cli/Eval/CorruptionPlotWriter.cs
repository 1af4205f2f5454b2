using ScottPlot;
using Scraps.Inference.Evaluation;

namespace Scraps.Cli.Eval;

/// <summary>
/// Draws the paper's Figure 2 curves as PNGs (ScottPlot): the share of pairs whose score drops, the share whose score
/// lifts, and the minibatch AUC-ROC, each against the corruption level for substitution, Gaussian noise and mixing,
/// with the 95% interval as a shaded band. The paper's 20% substitution figure is marked on the drops plot.
/// </summary>
internal static class CorruptionPlotWriter
{
    public const string DropsFile = "drops.png";
    public const string LiftsFile = "lifts.png";
    public const string AucFile = "auc.png";

    private const int Width = 900;
    private const int Height = 600;

    /// <summary>Writes the three PNGs into <paramref name="folder"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(EvalReport report, string folder)
    {
        ArgumentNullException.ThrowIfNull(report);
        var paths = new[] { Path.Combine(folder, DropsFile), Path.Combine(folder, LiftsFile), Path.Combine(folder, AucFile) };
        Draw(report, "Pairs whose score drops", "pairs whose score drops (%)", l => l.Shift.DropRate, percent: true, paths[0], markPaper: true);
        Draw(report, "Pairs whose score lifts", "pairs whose score lifts (%)", l => l.Shift.LiftRate, percent: true, paths[1], markPaper: false);
        Draw(report, "Minibatch AUC-ROC", "AUC-ROC (corrupted matched vs mismatched)", l => l.Auc, percent: false, paths[2], markPaper: false);
        return paths;
    }

    private static void Draw(
        EvalReport report, string title, string yLabel, Func<CorruptionLevelResult, ConfidenceInterval> figure, bool percent, string path, bool markPaper)
    {
        var plot = new Plot();
        var scale = percent ? 100.0 : 1.0;
        var palette = new ScottPlot.Palettes.Category10();
        var series = new (string Name, IReadOnlyList<CorruptionLevelResult> Levels)[]
        {
            ("phoneme substitution", report.Substitution),
            ("gaussian noise (α)", report.Gaussian),
            ("spectrogram mix (α)", report.Mix),
        };

        for (var s = 0; s < series.Length; s++)
        {
            var levels = series[s].Levels;
            if (levels.Count == 0)
            {
                continue;
            }

            var color = palette.GetColor(s);
            var xs = levels.Select(l => 100 * l.Level).ToArray();
            var band = plot.Add.FillY(xs, levels.Select(l => scale * figure(l).Lower).ToArray(), levels.Select(l => scale * figure(l).Upper).ToArray());
            band.FillColor = color.WithAlpha(0.18);
            band.LineWidth = 0;
            var line = plot.Add.Scatter(xs, levels.Select(l => scale * figure(l).Estimate).ToArray(), color);
            line.LegendText = series[s].Name;
            line.LineWidth = 2;
            line.MarkerSize = 7;
        }

        if (markPaper)
        {
            var paper = plot.Add.Scatter(new[] { 20.0 }, new[] { 100 * PaperFigures.SubstitutionDrops20 }, Colors.Black);
            paper.LegendText = "paper: substitution 20% (91.06%)";
            paper.LineWidth = 0;
            paper.MarkerShape = MarkerShape.OpenDiamond;
            paper.MarkerSize = 12;
        }

        plot.Title(title);
        plot.XLabel("corruption level (% of phones substituted, or α × 100)");
        plot.YLabel(yLabel);
        var ticks = report.Substitution.Select(l => 100 * l.Level).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, ticks.Select(t => t.ToString("0", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        if (percent)
        {
            plot.Axes.SetLimits(0, 100, -2, 102);
        }
        else
        {
            // A good model's AUCs sit just below 1: show from a round value under the lowest interval, at most 0.9.
            var bottom = Math.Floor(Math.Min(0.9, LowestAuc(report) - 0.01) * 20) / 20;
            plot.Axes.SetLimits(0, 100, Math.Max(0, bottom), 1.005);
        }

        plot.ShowLegend(Edge.Bottom);
        plot.SavePng(path, Width, Height);
    }

    private static double LowestAuc(EvalReport report) =>
        report.Substitution.Concat(report.Gaussian).Concat(report.Mix).Select(l => l.Auc.Lower).DefaultIfEmpty(0).Min();
}
