using System.CommandLine;
using Scraps.Inference.Package;

namespace Scraps.Cli.Report;

/// <summary>
/// <c>scraps report SCORES.jsonl --manifest IN.jsonl --out DIR [--model DIR] [--worst N]</c>: an HTML page over a
/// scoring run for deciding what to filter (kept and dropped counts at the model's threshold, score and probability
/// histograms, the worst pairs to listen to). <c>scraps score --report DIR</c> writes the same page after scoring.
/// </summary>
internal static class ReportCommand
{
    public const int DefaultWorst = 50;

    public static Command Create()
    {
        var scores = new Argument<string>("scores") { Description = "JSON Lines output of scraps score" };
        var manifest = new Option<string>("--manifest", "-i") { Description = "The manifest that was scored (audio paths and transcripts), in any format scraps score reads", Required = true };
        var formats = new Manifests.ManifestFormatOptions();
        var output = new Option<string>("--out", "-o") { Description = "Folder for index.html, scores.png and probabilities.png", Required = true };
        var model = new Option<string?>("--model", "-m") { Description = $"Model package that scored (its threshold; default: the bundled {ModelLocator.DefaultRelativePath})" };
        var worst = new Option<int>("--worst") { Description = "Pairs listed, least likely matches first", DefaultValueFactory = _ => DefaultWorst };

        var command = new Command("report", "Write an HTML filtering report of a scoring run: counts kept and dropped, histograms, the worst pairs with their audio")
        {
            scores, manifest, output, model, worst,
        };
        formats.AddTo(command);
        command.SetAction((parse, _) =>
        {
            var written = Write(
                parse.GetRequiredValue(scores), formats.Source(parse, parse.GetRequiredValue(manifest)), parse.GetRequiredValue(output), parse.GetValue(model), parse.GetValue(worst));
            parse.InvocationConfiguration.Output.WriteLine(
                $"wrote {written.Folder}/{ReportHtmlWriter.FileName}: {written.Kept} kept, {written.Dropped} dropped, {written.Listed} worst pairs listed");
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>Reads the scores and the manifest, writes the report; one-line errors for bad input (exit 2).</summary>
    public static (string Folder, int Kept, int Dropped, int Listed) Write(
        string scoresPath, Scraps.Inference.Manifests.Formats.ManifestSource manifestSource, string outFolder, string? modelFolder, int worst)
    {
        if (worst < 1)
        {
            throw new ArgumentException($"--worst must be at least 1, got {worst}");
        }

        if (!File.Exists(scoresPath))
        {
            throw new FileNotFoundException($"scores: file not found: {scoresPath}", scoresPath);
        }

        var manifest = ModelPackageReader.Read(ModelLocator.Resolve(modelFolder), verifyHashes: false);
        var pairs = ScoredPairReader.Read(scoresPath, manifestSource.Open());
        var report = FilteringReport.Create(scoresPath, pairs, manifest, worst);
        var folder = Path.GetFullPath(outFolder);
        report.Write(folder);
        var kept = pairs.Count(p => p.Match);
        return (folder, kept, pairs.Count - kept, report.Worst.Count);
    }
}
