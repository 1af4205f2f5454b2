namespace Scraps.Trainer.Corpus.Text;

/// <summary>
/// Reads fortune(6) databases (entries separated by lines holding only <c>%</c>) as paragraphs of prose:
/// attribution lines ("-- Author") are dropped and an entry's lines are joined with spaces.
/// </summary>
internal static class FortuneReader
{
    /// <summary>Fortune files excluded by default: pictures and non-English text.</summary>
    private static readonly HashSet<string> Excluded = new(StringComparer.Ordinal) { "art", "ascii-art", "translate-me" };

    /// <summary>The fortune database files of a folder (no .dat/.u8 indexes, no offensive "off" subfolder), sorted.</summary>
    public static IReadOnlyList<string> DatabaseFiles(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateFiles(directory)
            .Where(f => !Path.HasExtension(f) && !Excluded.Contains(Path.GetFileName(f)))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The entries of one fortune file, each as one paragraph.</summary>
    public static IEnumerable<string> ReadParagraphs(string path)
    {
        var lines = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Trim() == "%")
            {
                if (Join(lines) is { } paragraph)
                {
                    yield return paragraph;
                }

                lines.Clear();
                continue;
            }

            lines.Add(line);
        }

        if (Join(lines) is { } last)
        {
            yield return last;
        }
    }

    private static string? Join(List<string> lines)
    {
        var kept = lines.Where(l => !IsAttribution(l)).Select(l => l.Trim()).Where(l => l.Length > 0);
        var text = string.Join(' ', kept);
        return text.Length == 0 ? null : text;
    }

    private static bool IsAttribution(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("--", StringComparison.Ordinal) || trimmed.StartsWith("- ", StringComparison.Ordinal)
            || trimmed.StartsWith("~~", StringComparison.Ordinal);
    }
}
