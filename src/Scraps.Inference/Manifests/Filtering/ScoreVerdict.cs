using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scraps.Inference.Manifests.Filtering;

/// <summary>One utterance's line of <c>scraps score</c> output, as filtering needs it.</summary>
/// <param name="UnsupportedWords">The words scored with <c>--words</c> whose match is false (empty without words).</param>
public sealed record ScoreVerdict(string Id, double Score, double Probability, bool Match, IReadOnlyList<string> UnsupportedWords)
{
    /// <summary>The fields filtering adds to a kept or dropped entry (under "scraps" in JSON manifests).</summary>
    public JsonObject ToJson() => new()
    {
        ["score"] = Score,
        ["probability"] = Probability,
        ["match"] = Match,
        ["unsupportedWords"] = new JsonArray(UnsupportedWords.Select(w => (JsonNode?)JsonValue.Create(w)).ToArray()),
    };

    /// <summary>Reads score output files (shards, in order); a later line for an id wins.</summary>
    /// <exception cref="FormatException">A line that is not score output, naming file and line.</exception>
    public static Dictionary<string, ScoreVerdict> ReadAll(IEnumerable<string> paths)
    {
        var verdicts = new Dictionary<string, ScoreVerdict>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"scores not found: {path}", path);
            }

            foreach (var verdict in ScoreOutputLines.Read(path, Parse))
            {
                verdicts[verdict.Id] = verdict;
            }
        }

        return verdicts;
    }

    private static ScoreVerdict Parse(JsonElement root)
    {
        var words = root.TryGetProperty("words", out var w) && w.ValueKind == JsonValueKind.Array
            ? w.EnumerateArray().Where(x => !x.GetProperty("match").GetBoolean()).Select(x => x.GetProperty("word").GetString() ?? string.Empty).ToArray()
            : [];
        return new ScoreVerdict(ScoreOutputLines.Id(root), root.GetProperty("score").GetDouble(), root.GetProperty("probability").GetDouble(), root.GetProperty("match").GetBoolean(), words);
    }
}

/// <summary>Which scored utterances are kept: their match, or a probability of at least <see cref="MinProbability"/>.</summary>
public sealed record FilterRule(double? MinProbability = null)
{
    public bool Keeps(ScoreVerdict verdict) => MinProbability is { } p ? verdict.Probability >= p : verdict.Match;
}

/// <summary>What a filter run wrote.</summary>
/// <param name="Unscored">Utterances of the manifest with no score (bad, or not scored yet): in neither output.</param>
public sealed record FilterSummary(long Kept, long Dropped, long Unscored, IReadOnlyList<string> UnscoredExamples, string KeptPath, string DroppedPath);
