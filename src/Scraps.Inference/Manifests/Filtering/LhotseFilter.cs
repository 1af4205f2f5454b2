using System.Text.Json;
using System.Text.Json.Nodes;
using Scraps.Inference.Manifests.Formats;

namespace Scraps.Inference.Manifests.Filtering;

/// <summary>
/// Lhotse: a supervisions manifest splits line by line; a cuts manifest cut by cut, each output cut holding only its
/// kept (or dropped) supervisions, and a cut with none left out of that output. Each supervision gets
/// <c>custom.scraps</c>. Recordings are untouched (the filtered supervisions name the same recordings manifest).
/// </summary>
internal static class LhotseFilter
{
    public static void Write(ManifestSource source, FilterTally tally, string keptPath, string droppedPath, CancellationToken cancellationToken)
    {
        using var kept = new StagedFile(keptPath);
        using var dropped = new StagedFile(droppedPath);
        using (var keptWriter = JsonLinesFilter.Writer(kept))
        using (var droppedWriter = JsonLinesFilter.Writer(dropped))
        {
            foreach (var (_, text) in JsonLinesReader.Lines(source.Path))
            {
                cancellationToken.ThrowIfCancellationRequested();
                JsonObject? line;
                try
                {
                    line = JsonNode.Parse(text) as JsonObject;
                }
                catch (JsonException)
                {
                    line = null;
                }

                if (line is null)
                {
                    tally.Next(null);
                    continue;
                }

                if (line.ContainsKey("supervisions"))
                {
                    WriteCut(line, tally, keptWriter, droppedWriter);
                    continue;
                }

                if (tally.Next(Text(line, "id")) is { } decision)
                {
                    Annotate(line, decision.Verdict);
                    (decision.Keep ? keptWriter : droppedWriter).WriteLine(line.ToJsonString(JsonLinesFilter.Relaxed));
                }
            }
        }

        kept.Commit();
        dropped.Commit();
    }

    private static void WriteCut(JsonObject cut, FilterTally tally, StreamWriter keptWriter, StreamWriter droppedWriter)
    {
        // As the reader: a cut it cannot use at all is one bad item.
        if (cut["supervisions"] is not JsonArray supervisions || cut["recording"] is not JsonObject)
        {
            tally.Next(null);
            return;
        }

        var keep = new JsonArray();
        var drop = new JsonArray();
        foreach (var node in supervisions.ToArray())
        {
            var supervision = node as JsonObject;
            if (tally.Next(supervision is null ? null : Text(supervision, "id")) is not { } decision)
            {
                continue;
            }

            var copy = supervision!.DeepClone().AsObject();
            Annotate(copy, decision.Verdict);
            (decision.Keep ? keep : drop).Add(copy);
        }

        foreach (var (list, writer) in new[] { (keep, keptWriter), (drop, droppedWriter) })
        {
            if (list.Count > 0)
            {
                var copy = cut.DeepClone().AsObject();
                copy["supervisions"] = list;
                writer.WriteLine(copy.ToJsonString(JsonLinesFilter.Relaxed));
            }
        }
    }

    private static void Annotate(JsonObject supervision, ScoreVerdict verdict)
    {
        if (supervision["custom"] is not JsonObject custom)
        {
            custom = new JsonObject();
            supervision["custom"] = custom;
        }

        custom["scraps"] = verdict.ToJson();
    }

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
