using System.Text;

namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>Which Debian package installed each file (dpkg-query -S), so corpus.json can say where its text came from.</summary>
internal static class DebianPackages
{
    /// <summary>Path -> package for the paths dpkg knows; empty where dpkg is missing or knows none of them.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> OwnersAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        if (paths.Count == 0 || !ProgramLocator.Exists("dpkg-query"))
        {
            return owners;
        }

        string output;
        try
        {
            output = Encoding.UTF8.GetString(await ExternalProcess.RunAsync("dpkg-query", ["-S", .. paths], cancellationToken: cancellationToken).ConfigureAwait(false));
        }
        catch (ExternalToolException e) when (e.Message.Contains("exit code 1", StringComparison.Ordinal))
        {
            // Some path belongs to no package: ask one at a time so the others still get theirs.
            if (paths.Count == 1)
            {
                return owners;
            }

            foreach (var path in paths)
            {
                foreach (var (file, package) in await OwnersAsync([path], cancellationToken).ConfigureAwait(false))
                {
                    owners[file] = package;
                }
            }

            return owners;
        }

        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // "fortunes-min, fortunes: /usr/share/games/fortunes/fortunes" (diversions aside)
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0 && !line.StartsWith("diversion", StringComparison.Ordinal))
            {
                owners[line[(colon + 2)..].Trim()] = line[..colon].Trim();
            }
        }

        return owners;
    }
}
