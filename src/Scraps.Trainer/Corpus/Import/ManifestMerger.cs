using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scraps.Data;

namespace Scraps.Trainer.Corpus.Import;

/// <summary>
/// Merges manifests line by line: each line is kept as it is (every field, textKind and source included) with its
/// <c>audio</c> and <c>phoneTimes</c> paths rewritten relative to the merged file, so that the feature cache reads one
/// manifest. Lines that are not JSON objects, and ids seen before, are reported and left out; an optional split filter
/// keeps a corpus's train and valid lines only (a line without a split is train).
/// </summary>
internal static class ManifestMerger
{
    private static readonly string[] PathFields = ["audio", "phoneTimes"];

    public static MergeResult Merge(IReadOnlyList<string> inputs, string output, IReadOnlySet<string>? splits)
    {
        if (inputs.Count == 0)
        {
            throw new ArgumentException("name at least one manifest to merge");
        }

        var target = Path.GetFullPath(output);
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var lines = 0;
        var temporary = target + ".tmp";
        using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false)))
        {
            foreach (var input in inputs)
            {
                var source = Path.GetFullPath(input);
                if (!File.Exists(source))
                {
                    throw new FileNotFoundException($"manifest not found: {source}", source);
                }

                var sourceFolder = Path.GetDirectoryName(source)!;
                var number = 0;
                foreach (var line in File.ReadLines(source))
                {
                    number++;
                    if (string.IsNullOrWhiteSpace(line))
                    {
                        continue;
                    }

                    if (Rewrite(line, sourceFolder, folder, splits, seen) is not { } rewritten)
                    {
                        continue;
                    }

                    if (rewritten.Error is { } error)
                    {
                        problems.Add($"{source}:{number}: {error}");
                        continue;
                    }

                    writer.Write(rewritten.Line);
                    writer.Write('\n');
                    lines++;
                }
            }
        }

        File.Move(temporary, target, overwrite: true);
        return new MergeResult(target, inputs.Count, lines, problems);
    }

    /// <summary>The line for the merged file, null when the split filter leaves it out, or an error.</summary>
    private static (string? Line, string? Error)? Rewrite(string line, string from, string to, IReadOnlySet<string>? splits, HashSet<string> seen)
    {
        JsonObject entry;
        try
        {
            entry = JsonNode.Parse(line) as JsonObject ?? throw new JsonException("not a JSON object");
        }
        catch (JsonException e)
        {
            return (null, $"bad JSON: {Scraps.Inference.Manifests.JsonLineError.Describe(e)}");
        }

        var split = entry["split"]?.GetValueKind() == JsonValueKind.String ? DataSplits.Normalize(entry["split"]!.GetValue<string>()) : DataSplits.Train;
        if (splits is not null && !splits.Contains(split))
        {
            return null;
        }

        if (entry["id"]?.GetValueKind() != JsonValueKind.String || entry["audio"]?.GetValueKind() != JsonValueKind.String)
        {
            return (null, "a line needs a string 'id' and 'audio'");
        }

        if (!seen.Add(entry["id"]!.GetValue<string>()))
        {
            return (null, $"id '{entry["id"]!.GetValue<string>()}' is already in the merged manifest");
        }

        foreach (var field in PathFields)
        {
            if (entry[field]?.GetValueKind() == JsonValueKind.String)
            {
                var full = Path.GetFullPath(Path.Combine(from, entry[field]!.GetValue<string>()));
                entry[field] = Path.GetRelativePath(to, full).Replace('\\', '/');
            }
        }

        return (entry.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), null);
    }
}

/// <summary>What a merge wrote, and the lines it left out with why.</summary>
internal sealed record MergeResult(string Path, int Inputs, int Lines, IReadOnlyList<string> Problems);
