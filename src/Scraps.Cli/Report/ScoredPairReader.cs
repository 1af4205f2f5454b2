using System.Text.Json;
using Scraps.Inference.Manifests;
using Scraps.Inference.Manifests.Formats;

namespace Scraps.Cli.Report;

/// <summary>
/// Reads <c>scraps score</c>'s JSON Lines output and joins each line with its manifest entry by id (audio paths made
/// absolute against the manifest's audio root; segments keep their span). A malformed output line is an error naming
/// it: a report over part of the data would mislead.
/// </summary>
internal static class ScoredPairReader
{
    public static IReadOnlyList<ScoredPair> Read(string scoresPath, IManifestReader manifest)
    {
        var audioRoot = manifest.AudioRoot;
        var entries = new Dictionary<string, ScoringManifestEntry>(StringComparer.Ordinal);
        foreach (var item in manifest.Read())
        {
            // Entries scoring skipped as malformed have no score either; they are not part of the report. Audio held in
            // the manifest (Parquet) is dropped here: the report keeps ids and spans, not every clip's bytes.
            if (item.Entry is { } entry)
            {
                entries.TryAdd(entry.Id, entry with { AudioBytes = null, Audio = entry.AudioBytes is null ? entry.Audio : string.Empty });
            }
        }

        return [.. ScoreOutputLines.Read(scoresPath, line => Parse(line, entries, audioRoot))];
    }

    private static ScoredPair Parse(JsonElement root, Dictionary<string, ScoringManifestEntry> entries, string audioRoot)
    {
        var id = ScoreOutputLines.Id(root);
        entries.TryGetValue(id, out var entry);
        return new ScoredPair(
            id,
            root.GetProperty("score").GetDouble(),
            root.GetProperty("probability").GetDouble(),
            root.GetProperty("match").GetBoolean(),
            root.TryGetProperty("alignmentScore", out var alignment) && alignment.ValueKind == JsonValueKind.Number ? alignment.GetDouble() : null,
            root.TryGetProperty("words", out var words) && words.ValueKind == JsonValueKind.Array
                ? words.EnumerateArray().Select(w => new ScoredWord(
                    w.GetProperty("word").GetString() ?? string.Empty,
                    Seconds(w, "start"),
                    Seconds(w, "end"),
                    w.GetProperty("confidence").GetDouble(),
                    w.GetProperty("match").GetBoolean())).ToArray()
                : null,
            root.TryGetProperty("warnings", out var warnings) && warnings.ValueKind == JsonValueKind.Array
                ? warnings.EnumerateArray().Select(w => w.GetString() ?? string.Empty).ToArray()
                : [],
            entry is null || entry.Audio.Length == 0 ? null : Path.GetFullPath(Path.Combine(audioRoot, entry.Audio)),
            entry?.Text ?? entry?.Phonemes)
        {
            Offset = entry?.Offset,
            Duration = entry?.Duration,
        };
    }

    private static double? Seconds(JsonElement word, string name) =>
        word.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
