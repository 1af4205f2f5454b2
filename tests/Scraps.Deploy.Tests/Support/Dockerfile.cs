using System.Text.Json;
using System.Text.RegularExpressions;

namespace Scraps.Deploy.Tests.Support;

/// <summary>
/// The instructions of a Dockerfile by stage (continuation lines joined, comments dropped): enough to read its
/// ENV, EXPOSE, HEALTHCHECK, COPY and ENTRYPOINT.
/// </summary>
internal sealed partial class Dockerfile
{
    private Dockerfile(string name, string text, IReadOnlyList<DockerStage> stages)
    {
        Name = name;
        Text = text;
        Stages = stages;
    }

    public string Name { get; }

    /// <summary>The whole file, comments included.</summary>
    public string Text { get; }

    public IReadOnlyList<DockerStage> Stages { get; }

    /// <summary>The stage a plain <c>docker build</c> produces.</summary>
    public DockerStage Final => Stages[^1];

    public DockerStage Stage(string name) =>
        Stages.SingleOrDefault(s => s.Name == name) ?? throw new Xunit.Sdk.XunitException($"{Name} has no stage '{name}'");

    public static Dockerfile Load(string name)
    {
        var text = File.ReadAllText(Path.Combine(RepoFiles.Docker, name));
        var stages = new List<DockerStage>();
        foreach (var line in LogicalLines(text))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var instruction = (space < 0 ? line : line[..space]).ToUpperInvariant();
            var arguments = space < 0 ? string.Empty : line[(space + 1)..].Trim();
            if (instruction == "FROM")
            {
                var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                stages.Add(new DockerStage(parts.Length == 3 && parts[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? parts[2] : null, parts[0]));
            }
            else if (stages.Count > 0)
            {
                stages[^1].Instructions.Add((instruction, arguments));
            }
        }

        return new Dockerfile(name, text, stages);
    }

    /// <summary>Every <c>Scraps__...</c> variable named anywhere in the file, comments included.</summary>
    public IReadOnlyList<string> ScrapsVariablesMentioned() =>
        ScrapsVariable().Matches(Text).Select(m => m.Value).Distinct().ToArray();

    private static IEnumerable<string> LogicalLines(string text)
    {
        var pending = string.Empty;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var full = (pending + line).Trim();
            pending = string.Empty;
            if (full.Length > 0)
            {
                yield return full;
            }
        }
    }

    [GeneratedRegex(@"Scraps__[A-Za-z0-9_]+")]
    private static partial Regex ScrapsVariable();
}

/// <summary>One build stage: its name (AS ...), base image and instructions.</summary>
internal sealed record DockerStage(string? Name, string BaseImage)
{
    public List<(string Instruction, string Arguments)> Instructions { get; } = [];

    /// <summary>The ENV variables set in this stage (KEY=VALUE pairs; later ones win).</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        Instructions.Where(i => i.Instruction == "ENV")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0])
            .ToDictionary(g => g.Key, g => g.Last()[1].Trim('"'));

    public IReadOnlyList<string> Exposed =>
        Instructions.Where(i => i.Instruction == "EXPOSE").SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();

    /// <summary>The HEALTHCHECK command (after CMD), or null.</summary>
    public string? HealthCheck =>
        Instructions.Where(i => i.Instruction == "HEALTHCHECK").Select(i => i.Arguments[(i.Arguments.IndexOf("CMD ", StringComparison.Ordinal) + 4)..]).SingleOrDefault();

    /// <summary>COPY instructions without --from: (sources, destination).</summary>
    public IReadOnlyList<(string[] Sources, string Destination)> CopiesFromContext =>
        Instructions.Where(i => i.Instruction == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal))
            .Select(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(parts => (parts[..^1], parts[^1]))
            .ToArray();

    /// <summary>The ENTRYPOINT in exec form.</summary>
    public string[] Entrypoint =>
        Instructions.Where(i => i.Instruction == "ENTRYPOINT").Select(i => JsonSerializer.Deserialize<string[]>(i.Arguments)!).LastOrDefault() ?? [];
}
