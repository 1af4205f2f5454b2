using ScottPlot;

namespace Scraps.Cli.Report;

/// <summary>
/// The report's two histograms as PNGs (ScottPlot): raw scores and match probabilities, kept pairs stacked on dropped
/// ones in each bin, with the model's threshold as a vertical line, so one sees how much data sits near the line.
/// </summary>
internal static class HistogramPlotWriter
{
    public const string ScoresFile = "scores.png";
    public const string ProbabilitiesFile = "probabilities.png";

    private const int Width = 900;
    private const int Height = 450;
    private const int Bins = 40;

    private static readonly Color Kept = new(0x2c, 0xa0, 0x2c);
    private static readonly Color Dropped = new(0xd6, 0x27, 0x28);

    public static void Write(IReadOnlyList<ScoredPair> pairs, ReportThreshold threshold, string folder)
    {
        var scores = pairs.Select(p => p.Score).ToArray();
        var low = scores.Length == 0 ? 0 : scores.Min();
        var high = scores.Length == 0 ? 1 : scores.Max();
        if (threshold.Score is { } t)
        {
            low = Math.Min(low, t);
            high = Math.Max(high, t);
        }

        Draw(pairs, p => p.Score, low, high, threshold.Score, "Raw SCRAPS score", "score (dot product of the acoustic and phonetic vectors)", Path.Combine(folder, ScoresFile));
        Draw(pairs, p => p.Probability, 0, 1, threshold.Probability, "Match probability", "p(match)", Path.Combine(folder, ProbabilitiesFile));
    }

    private static void Draw(IReadOnlyList<ScoredPair> pairs, Func<ScoredPair, double> value, double low, double high, double? threshold, string title, string xLabel, string path)
    {
        if (high <= low)
        {
            (low, high) = (low - 0.5, high + 0.5);
        }

        var width = (high - low) / Bins;
        var kept = new double[Bins];
        var dropped = new double[Bins];
        foreach (var pair in pairs)
        {
            var bin = Math.Clamp((int)((value(pair) - low) / width), 0, Bins - 1);
            (pair.Match ? kept : dropped)[bin]++;
        }

        var plot = new Plot();
        var bars = new List<Bar>();
        for (var i = 0; i < Bins; i++)
        {
            var center = low + ((i + 0.5) * width);
            bars.Add(new Bar { Position = center, ValueBase = 0, Value = dropped[i], Size = width * 0.95, FillColor = Dropped, LineWidth = 0 });
            bars.Add(new Bar { Position = center, ValueBase = dropped[i], Value = dropped[i] + kept[i], Size = width * 0.95, FillColor = Kept, LineWidth = 0 });
        }

        plot.Add.Bars(bars);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"kept ({kept.Sum():0})", FillColor = Kept });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"dropped ({dropped.Sum():0})", FillColor = Dropped });
        if (threshold is { } line)
        {
            var marker = plot.Add.VerticalLine(line, 2, Colors.Black, LinePattern.Dashed);
            marker.LegendText = $"threshold {line:0.000}";
        }

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel("pairs");
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, Width, Height);
    }
}
