using System.Text.Json;

namespace Scraps.Inference.Manifests.Formats;

/// <summary>
/// Lhotse manifests (JSON Lines, plain or .gz): a cuts file (each cut with its recording and supervisions), or a
/// supervisions file with its recordings file (<see cref="RecordingsPath"/>, by default the sibling whose name says
/// "recordings" where the supervisions' says "supervisions"). Every supervision with text is one utterance, named
/// by its id, at its start (within its cut: plus the cut's start) for its duration, from its recording's first
/// "file" source. Sources of other types (url, command, memory) are refused for that utterance: scoring reads files
/// and runs no command.
/// </summary>
public sealed class LhotseManifestReader(string path, string? recordingsPath = null) : IManifestReader
{
    public ManifestFormat Format => ManifestFormat.Lhotse;

    public string Path { get; } = path;

    public string? RecordingsPath { get; } = recordingsPath;

    public string AudioRoot => Directory.GetCurrentDirectory();

    public IEnumerable<ManifestItem> Read(CancellationToken cancellationToken = default)
    {
        Dictionary<string, Source>? recordings = null;
        foreach (var (number, text) in JsonLinesReader.Lines(Path))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var where = $"line {number}";
            JsonDocument? document = null;
            string? badJson = null;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException e)
            {
                badJson = $"bad JSON: {JsonLineError.Describe(e)}";
            }

            if (document is null)
            {
                yield return ManifestItem.Bad(where, badJson!);
                continue;
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    yield return ManifestItem.Bad(where, $"expected a JSON object, found {root.ValueKind}");
                    continue;
                }

                if (root.TryGetProperty("supervisions", out var supervisions))
                {
                    foreach (var item in FromCut(where, root, supervisions))
                    {
                        yield return item;
                    }

                    continue;
                }

                recordings ??= ReadRecordings();
                var recordingId = Text(root, "recording_id");
                yield return recordingId is not null && recordings.TryGetValue(recordingId, out var source)
                    ? FromSupervision(where, root, source, 0)
                    : ManifestItem.Bad(where, $"supervision '{Text(root, "id")}' names recording '{recordingId}', which the recordings manifest does not have", Text(root, "id"));
            }
        }
    }

    private static IEnumerable<ManifestItem> FromCut(string where, JsonElement cut, JsonElement supervisions)
    {
        var cutId = Text(cut, "id");
        if (!cut.TryGetProperty("recording", out var recording) || recording.ValueKind != JsonValueKind.Object)
        {
            yield return ManifestItem.Bad(where, $"cut '{cutId}' has no recording");
            yield break;
        }

        if (supervisions.ValueKind != JsonValueKind.Array)
        {
            yield return ManifestItem.Bad(where, $"cut '{cutId}': 'supervisions' is not a list");
            yield break;
        }

        var source = SourceOf(recording);
        var cutStart = Number(cut, "start") ?? 0;
        var index = 0;
        foreach (var supervision in supervisions.EnumerateArray())
        {
            index++;
            yield return FromSupervision($"{where} (cut '{cutId}', supervision {index})", supervision, source, cutStart);
        }
    }

    private static ManifestItem FromSupervision(string where, JsonElement supervision, Source source, double cutStart)
    {
        var id = Text(supervision, "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            return ManifestItem.Bad(where, "a supervision without 'id'");
        }

        var text = Text(supervision, "text");
        if (string.IsNullOrWhiteSpace(text))
        {
            return ManifestItem.Bad(where, $"supervision '{id}' has no text", id);
        }

        if (source.Problem is { } problem)
        {
            return ManifestItem.Bad(where, $"supervision '{id}': {problem}", id);
        }

        var start = Number(supervision, "start");
        var duration = Number(supervision, "duration");
        if (start is not { } s || s < 0 || duration is not { } d || !(d > 0))
        {
            return ManifestItem.Bad(where, $"supervision '{id}' needs a 'start' of at least 0 and a positive 'duration'", id);
        }

        var channel = supervision.TryGetProperty("channel", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : (int?)null;
        return ManifestItem.Ok(where, new ScoringManifestEntry(id, source.Path!, text, null)
        {
            Offset = cutStart + s,
            Duration = d,
            Channel = channel,
            Speaker = Text(supervision, "speaker"),
        });
    }

    private Dictionary<string, Source> ReadRecordings()
    {
        var path = RecordingsPath ?? SiblingRecordings();
        var recordings = new Dictionary<string, Source>(StringComparer.Ordinal);
        foreach (var (number, text) in JsonLinesReader.Lines(path))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                if (Text(document.RootElement, "id") is { } id)
                {
                    recordings[id] = SourceOf(document.RootElement);
                }
            }
            catch (JsonException e)
            {
                throw new ManifestInputException($"{path} line {number}: bad JSON: {JsonLineError.Describe(e)}", e);
            }
        }

        return recordings;
    }

    private string SiblingRecordings()
    {
        var name = System.IO.Path.GetFileName(Path);
        var sibling = name.Contains("supervisions", StringComparison.Ordinal)
            ? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!, name.Replace("supervisions", "recordings", StringComparison.Ordinal))
            : null;
        return sibling is not null && File.Exists(sibling)
            ? sibling
            : throw new ManifestInputException($"{Path} holds supervisions: name their recordings manifest with --recordings");
    }

    /// <summary>A recording's first "file" source, or why it has none.</summary>
    private static Source SourceOf(JsonElement recording)
    {
        var id = Text(recording, "id");
        if (!recording.TryGetProperty("sources", out var sources) || sources.ValueKind != JsonValueKind.Array || sources.GetArrayLength() == 0)
        {
            return new Source(null, $"recording '{id}' has no sources");
        }

        foreach (var source in sources.EnumerateArray())
        {
            if (Text(source, "type") == "file" && Text(source, "source") is { Length: > 0 } file)
            {
                return new Source(file, null);
            }
        }

        var types = string.Join(", ", sources.EnumerateArray().Select(s => Text(s, "type") ?? "?"));
        return new Source(null, $"recording '{id}' has no 'file' source (it has {types}); scoring reads files and runs no command or download");
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private sealed record Source(string? Path, string? Problem);
}
