using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Scraps.Service.Tests.Docs;

/// <summary>
/// The JSON examples of README.md and docs/*.md. Each ```json block is named by the marker line
/// <c>&lt;!-- example: NAME --&gt;</c> somewhere above it (after the previous block), so a test can check it
/// against real output. "..." stands for elided values: <c>[1, 2, ...]</c>, <c>[..., {...}]</c>, <c>[[...], ...]</c>.
/// </summary>
internal static partial class DocExamples
{
    public static string RepositoryRoot { get; } = typeof(DocExamples).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>Every ```json block of a markdown file (relative to the repository root): its name (null when unmarked) and text.</summary>
    public static IReadOnlyList<(string? Name, string Json, int Line)> Blocks(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot, file));
        var blocks = new List<(string?, string, int)>();
        string? name = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (Marker().Match(lines[i]) is { Success: true } m)
            {
                name = m.Groups[1].Value;
                continue;
            }

            if (!lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var kind = lines[i].Trim().TrimStart('`');
            var start = i;
            var body = new List<string>();
            for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++)
            {
                body.Add(lines[i]);
            }

            if (kind == "json")
            {
                blocks.Add((name, string.Join('\n', body), start + 1));
            }

            name = null;
        }

        return blocks;
    }

    /// <summary>The block named <paramref name="name"/> in <paramref name="file"/>, parsed (elisions dropped).</summary>
    public static JsonNode Example(string file, string name)
    {
        var block = Blocks(file).Where(b => b.Name == name).ToArray();
        Assert.True(block.Length == 1, $"{file} has {block.Length} json blocks marked '<!-- example: {name} -->'");
        return Parse(block[0].Json);
    }

    /// <summary>Parses an example, dropping "..." elisions (an elided array keeps the elements shown).</summary>
    public static JsonNode Parse(string json)
    {
        var text = Elision().Replace(json, m => m.Value.TrimStart() switch
        {
            ['[', ..] => "[]",
            ['{', ..] => "{}",
            _ => string.Empty,
        });
        text = text.Replace("[,", "[", StringComparison.Ordinal).Replace(",]", "]", StringComparison.Ordinal);
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("an example is null");
    }

    [GeneratedRegex(@"<!--\s*example:\s*([A-Za-z0-9_.-]+)\s*-->")]
    private static partial Regex Marker();

    // "...," / ",..." / "..." between elements, and "[...]" / "{...}" placeholders for whole values.
    [GeneratedRegex(@"\s*\.\.\.\s*,|,\s*\.\.\.(?=\s*[\]}])|\[\s*\.\.\.\s*\]|\{\s*\.\.\.\s*\}|(?<=\[)\s*\.\.\.\s*(?=\])")]
    private static partial Regex Elision();
}
