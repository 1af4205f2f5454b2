using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace Scraps.Tests.Docs;

/// <summary>
/// The command lines README.md tells a user to run for one project (<c>dotnet run -c Release --project src/NAME -- ARGS</c>
/// in its bash blocks), with backslash line continuations joined and <c>$(...)</c> replaced by a number (README uses it for
/// <c>$(nproc)</c>), split into arguments by System.CommandLine's own splitter (whitespace and double quotes).
/// </summary>
internal static partial class ReadmeCommandLines
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>(line number, arguments after <c>--</c>) of every README command of the project.</summary>
    public static IReadOnlyList<(int Line, string[] Arguments)> Of(string project)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot, "README.md"));
        var marker = $"--project src/{project} --";
        var found = new List<(int, string[])>();
        var inBash = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBash = !inBash && line.Trim() == "```bash";
                continue;
            }

            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (!inBash || at < 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var text = line[(at + marker.Length)..];
            var first = i;
            while (text.TrimEnd().EndsWith('\\') && i + 1 < lines.Length)
            {
                text = text.TrimEnd()[..^1] + " " + lines[++i];
            }

            found.Add((first + 1, [.. CommandLineParser.SplitCommandLine(ShellExpression().Replace(text, "2"))]));
        }

        return found;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ScrapsService.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no ScrapsService.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"\$\([^)]*\)")]
    private static partial Regex ShellExpression();
}
