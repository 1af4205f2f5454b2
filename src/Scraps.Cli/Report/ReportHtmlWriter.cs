using System.Globalization;
using System.Net;
using System.Text;

namespace Scraps.Cli.Report;

/// <summary>
/// The filtering report's page: what was kept and dropped at the model's threshold, the two histograms, and the
/// worst pairs with a player for their audio (links relative to the report, so the folder can move with the
/// data), their transcript and, when scored with words, the words the audio does not support highlighted.
/// </summary>
internal static class ReportHtmlWriter
{
    public const string FileName = "index.html";

    public static void Write(FilteringReport report, string folder)
    {
        var html = new StringBuilder();
        var kept = report.Pairs.Count(p => p.Match);
        // The alignment column only for models with the CTC head (their lines carry alignmentScore).
        var alignment = report.Worst.Any(p => p.AlignmentScore is not null);
        var dropped = report.Pairs.Count - kept;
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>SCRAPS filtering report: {{E(report.ScoresName)}}</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; }
            th, td { border-bottom: 1px solid #ddd; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
            td.number { text-align: right; font-variant-numeric: tabular-nums; }
            mark.unsupported { background: #f8c4c4; color: #7a0000; border-radius: 3px; padding: 0 2px; }
            .summary td:first-child { font-weight: 600; }
            .warning { color: #8a5a00; font-size: 0.9em; }
            img { max-width: 100%; border: 1px solid #eee; }
            </style>
            </head>
            <body>
            <h1>SCRAPS filtering report</h1>
            <table class="summary">
            <tr><td>scores</td><td>{{E(report.ScoresName)}}</td></tr>
            <tr><td>model</td><td>{{E(report.ModelName)}}</td></tr>
            <tr><td>threshold</td><td id="threshold">{{E(report.Threshold.Rule)}}</td></tr>
            <tr><td>pairs scored</td><td id="total">{{report.Pairs.Count}}</td></tr>
            <tr><td>kept</td><td id="kept">{{kept}} ({{Share(kept, report.Pairs.Count)}})</td></tr>
            <tr><td>dropped</td><td id="dropped">{{dropped}} ({{Share(dropped, report.Pairs.Count)}})</td></tr>
            </table>
            <h2>Distributions</h2>
            <p><img src="{{HistogramPlotWriter.ScoresFile}}" alt="histogram of raw scores, kept and dropped"></p>
            <p><img src="{{HistogramPlotWriter.ProbabilitiesFile}}" alt="histogram of match probabilities, kept and dropped"></p>
            <h2>The {{report.Worst.Count}} least likely matches</h2>
            <table class="worst">
            <tr><th>#</th><th>id</th><th>p(match)</th><th>score</th>{{(alignment ? "<th>alignment</th>" : "")}}<th>audio</th><th>transcript</th></tr>

            """);
        for (var i = 0; i < report.Worst.Count; i++)
        {
            var pair = report.Worst[i];
            var audio = pair.AudioPath is null
                ? "<td>(no audio file: not in the manifest, or held inside it)</td>"
                : $"<td><audio controls preload=\"none\" src=\"{Link(folder, pair.AudioPath)}{pair.Fragment}\"></audio><br><a href=\"{Link(folder, pair.AudioPath)}\">{E(Path.GetFileName(pair.AudioPath))}</a>{E(pair.Fragment ?? string.Empty)}</td>";
            var warnings = pair.Warnings.Count == 0 ? string.Empty : $"<div class=\"warning\">{E(string.Join("; ", pair.Warnings))}</div>";
            html.Append(CultureInfo.InvariantCulture, $"""
                <tr class="{(pair.Match ? "kept" : "dropped")}"><td class="number">{i + 1}</td><td>{E(pair.Id)}</td><td class="number">{pair.Probability:0.000}</td><td class="number">{pair.Score:0.000}</td>{(alignment ? $"<td class=\"number\">{pair.AlignmentScore?.ToString("0.000", CultureInfo.InvariantCulture)}</td>" : "")}{audio}<td>{Transcript(pair)}{warnings}</td></tr>

                """);
        }

        html.Append("</table>\n</body>\n</html>\n");
        File.WriteAllText(Path.Combine(folder, FileName), html.ToString());
    }

    /// <summary>
    /// The transcript as written, each word the audio does not support marked (with its confidence and span as a
    /// tooltip). Words are found in order in the text, so punctuation and casing stay as the manifest has them.
    /// </summary>
    internal static string Transcript(ScoredPair pair)
    {
        var text = pair.Text ?? string.Empty;
        if (pair.Words is not { } words)
        {
            return E(text);
        }

        var html = new StringBuilder();
        var position = 0;
        foreach (var word in words)
        {
            var at = Find(text, word.Word, position);
            if (at < 0)
            {
                continue;
            }

            html.Append(E(text[position..at]));
            var written = E(text.Substring(at, word.Word.Length));
            html.Append(word.Match
                ? written
                : string.Create(CultureInfo.InvariantCulture, $"<mark class=\"unsupported\" title=\"confidence {word.Confidence:0.00}{Span(word)}\">{written}</mark>"));
            position = at + word.Word.Length;
        }

        html.Append(E(text[position..]));
        return html.ToString();
    }

    /// <summary>The next whole-word occurrence of <paramref name="word"/> from <paramref name="start"/> ("a" is not the a of "day"), or -1.</summary>
    private static int Find(string text, string word, int start)
    {
        for (var at = word.Length == 0 ? -1 : text.IndexOf(word, start, StringComparison.OrdinalIgnoreCase);
             at >= 0;
             at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return at;
            }
        }

        return -1;
    }

    private static string Span(ScoredWord word) =>
        word.Start is { } start && word.End is { } end ? string.Create(CultureInfo.InvariantCulture, $", {start:0.00}-{end:0.00} s") : ", not aligned";

    /// <summary>A link from the report folder to <paramref name="path"/>, relative, each segment escaped.</summary>
    internal static string Link(string folder, string path) =>
        string.Join('/', Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));

    private static string Share(int count, int total) =>
        total == 0 ? "0%" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * count / total:0.0}%");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
