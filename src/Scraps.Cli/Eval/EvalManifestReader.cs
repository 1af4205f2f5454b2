using Scraps.Inference.Manifests;

namespace Scraps.Cli.Eval;

/// <summary>
/// Reads an evaluation manifest (the scoring manifest format: <c>{id, audio, text | phonemes}</c> a line, audio paths
/// relative to the manifest). Blank lines are ignored; malformed lines are reported and skipped.
/// </summary>
internal static class EvalManifestReader
{
    /// <param name="onSkipped">Called with the line number and why, for every malformed line.</param>
    /// <exception cref="FileNotFoundException">The manifest does not exist.</exception>
    public static IReadOnlyList<EvalManifestLine> Read(string manifestPath, Action<long, string> onSkipped)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(manifestPath);
        ArgumentNullException.ThrowIfNull(onSkipped);
        if (!File.Exists(manifestPath))
        {
            throw new FileNotFoundException($"manifest not found: {manifestPath}", manifestPath);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        var lines = new List<EvalManifestLine>();
        long number = 0;
        foreach (var text in File.ReadLines(manifestPath))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                var entry = ScoringManifestEntry.Parse(text);
                lines.Add(new EvalManifestLine(number, entry, Path.GetFullPath(entry.Audio, folder)));
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                onSkipped(number, e.Message);
            }
        }

        return lines;
    }
}
