namespace Scraps.Trainer.Corpus.Text;

/// <summary>Reads a plain text file as paragraphs: runs of non-blank lines joined with spaces.</summary>
internal static class PlainTextReader
{
    public static IEnumerable<string> ReadParagraphs(string path)
    {
        var lines = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                if (lines.Count > 0)
                {
                    yield return string.Join(' ', lines);
                    lines.Clear();
                }

                continue;
            }

            lines.Add(line.Trim());
        }

        if (lines.Count > 0)
        {
            yield return string.Join(' ', lines);
        }
    }
}
