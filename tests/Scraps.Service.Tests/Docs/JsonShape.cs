using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scraps.Service.Tests.Docs;

/// <summary>
/// The shape of a JSON value: every path with its kind (<c>$.words[].confidence: number</c>); array elements share
/// one path. An example's shape equals the real answer's where the example elides nothing; under an array shown
/// empty (all elided) the real answer may have anything.
/// </summary>
internal static class JsonShape
{
    public static SortedSet<string> Of(JsonNode? node)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Walk(node, "$", paths);
        return paths;
    }

    /// <summary>Asserts that <paramref name="example"/> has the shape of <paramref name="actual"/> (both ways, elided arrays aside).</summary>
    public static void AssertSame(string where, JsonNode example, JsonNode actual)
    {
        var shown = Of(example);
        var real = Of(actual);
        var open = shown.Where(p => p.EndsWith(": empty array", StringComparison.Ordinal)).Select(p => p[..^": empty array".Length]).ToArray();
        var missing = real.Where(p => !shown.Contains(p) && !open.Any(o => p.StartsWith(o + "[]", StringComparison.Ordinal) || p == $"{o}: array"))
            .ToArray();
        var stale = shown.Where(p => !real.Contains(p) && !(p.EndsWith(": empty array", StringComparison.Ordinal) && real.Contains(p.Replace(": empty array", ": array", StringComparison.Ordinal))))
            .ToArray();
        Assert.True(
            missing.Length == 0 && stale.Length == 0,
            $"{where} drifted from the service's answer.\n  not in the example: {string.Join(", ", missing)}\n  not in the answer: {string.Join(", ", stale)}\n  answer: {actual.ToJsonString()}");
    }

    private static void Walk(JsonNode? node, string path, SortedSet<string> paths)
    {
        switch (node)
        {
            case null:
                paths.Add($"{path}: null");
                break;
            case JsonObject o:
                paths.Add($"{path}: object");
                foreach (var (key, value) in o)
                {
                    Walk(value, $"{path}.{key}", paths);
                }

                break;
            case JsonArray a:
                paths.Add(a.Count == 0 ? $"{path}: empty array" : $"{path}: array");
                foreach (var item in a)
                {
                    Walk(item, $"{path}[]", paths);
                }

                break;
            case JsonValue v:
                paths.Add($"{path}: {v.GetValueKind() switch
                {
                    JsonValueKind.Number => "number",
                    JsonValueKind.String => "string",
                    JsonValueKind.True or JsonValueKind.False => "boolean",
                    var k => k.ToString(),
                }}");
                break;
        }
    }
}
