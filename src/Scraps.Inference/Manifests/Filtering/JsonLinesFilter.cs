using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scraps.Inference.Manifests.Formats;

namespace Scraps.Inference.Manifests.Filtering;

/// <summary>This project's and NeMo's JSON Lines: each line as it was, with <c>"scraps": {score, probability, match, unsupportedWords}</c> added.</summary>
internal static class JsonLinesFilter
{
    internal static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(ManifestSource source, FilterTally tally, string keptPath, string droppedPath, CancellationToken cancellationToken)
    {
        using var kept = new StagedFile(keptPath);
        using var dropped = new StagedFile(droppedPath);
        using (var keptWriter = Writer(kept))
        using (var droppedWriter = Writer(dropped))
        {
            foreach (var (number, text) in JsonLinesReader.Lines(source.Path))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var item = source.Format == ManifestFormat.Nemo
                    ? NemoManifestReader.Parse($"line {number}", text, source.NemoTextField)
                    : ScrapsItem(number, text);
                if (tally.Next(item.Id) is not { } decision)
                {
                    continue;
                }

                var line = JsonNode.Parse(text)!.AsObject();
                line["scraps"] = decision.Verdict.ToJson();
                (decision.Keep ? keptWriter : droppedWriter).WriteLine(line.ToJsonString(Relaxed));
            }
        }

        kept.Commit();
        dropped.Commit();
    }

    /// <summary>A writer of UTF-8 lines (gzipped when the path ends in .gz), leaving the stream to its owner.</summary>
    internal static StreamWriter Writer(StagedFile file) =>
        new(file.Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file.Stream, CompressionLevel.Optimal, leaveOpen: true) : file.Stream, new UTF8Encoding(false), leaveOpen: !file.Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            NewLine = "\n",
        };

    private static ManifestItem ScrapsItem(long number, string text)
    {
        try
        {
            return ManifestItem.Ok($"line {number}", ScoringManifestEntry.Parse(text));
        }
        catch (FormatException e)
        {
            return ManifestItem.Bad($"line {number}", e.Message);
        }
    }
}
