using Scraps.Inference.Package;

namespace Scraps.Cli.Report;

/// <summary>
/// A filtering report over scored pairs: the model's threshold, every pair, and the <c>worst</c> ones (lowest
/// probability first, then lowest score). <see cref="Write"/> puts index.html and the two PNGs in a folder.
/// </summary>
internal sealed record FilteringReport(string ScoresName, string ModelName, ReportThreshold Threshold, IReadOnlyList<ScoredPair> Pairs, IReadOnlyList<ScoredPair> Worst)
{
    public static FilteringReport Create(string scoresPath, IReadOnlyList<ScoredPair> pairs, ModelManifest model, int worst)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ordered = pairs.OrderBy(p => p.Probability).ThenBy(p => p.Score).ThenBy(p => p.Id, StringComparer.Ordinal).Take(worst).ToArray();
        return new FilteringReport(Path.GetFileName(scoresPath), $"{model.Name} {model.Version}", ReportThreshold.Of(model), pairs, ordered);
    }

    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        HistogramPlotWriter.Write(Pairs, Threshold, folder);
        ReportHtmlWriter.Write(this, Path.GetFullPath(folder));
    }
}
