namespace Scraps.Trainer.Corpus.Text;

/// <summary>
/// The sentences a synthetic corpus speaks: read from fortune databases and/or plain text files, split into
/// sentences, filtered by <see cref="SentenceFilter"/> and de-duplicated, in a stable order (sources in the
/// order given, fortune files sorted by name), so that the same sources always give the same list.
/// </summary>
internal static class TextCorpus
{
    public const string DefaultFortunesDirectory = "/usr/share/games/fortunes";

    /// <param name="fortunesDirectory">A fortune database folder, or null for none.</param>
    /// <param name="textFiles">Plain text files (paragraphs separated by blank lines).</param>
    /// <exception cref="FileNotFoundException">A text file does not exist.</exception>
    /// <exception cref="InvalidDataException">The sources give no usable sentence.</exception>
    public static IReadOnlyList<TextSentence> Load(string? fortunesDirectory, IReadOnlyList<string> textFiles)
    {
        var paragraphs = new List<(string Source, IEnumerable<string> Paragraphs)>();
        foreach (var file in textFiles)
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"text file not found: {file}", file);
            }

            paragraphs.Add(($"text/{Path.GetFileName(file)}", PlainTextReader.ReadParagraphs(file)));
        }

        if (fortunesDirectory is not null)
        {
            var databases = FortuneReader.DatabaseFiles(fortunesDirectory);
            if (databases.Count == 0 && textFiles.Count == 0)
            {
                throw new DirectoryNotFoundException(
                    $"no fortune databases in {fortunesDirectory} (install the Debian package 'fortunes', pass --fortunes DIR, or --no-fortunes with --text FILE)");
            }

            paragraphs.AddRange(databases.Select(d => ($"fortunes/{Path.GetFileName(d)}", FortuneReader.ReadParagraphs(d))));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sentences = new List<TextSentence>();
        foreach (var (source, texts) in paragraphs)
        {
            foreach (var sentence in texts.SelectMany(SentenceSplitter.Split))
            {
                if (SentenceFilter.Clean(sentence) is { } clean && seen.Add(clean))
                {
                    sentences.Add(new TextSentence(clean, source));
                }
            }
        }

        if (sentences.Count == 0)
        {
            throw new InvalidDataException("the text sources hold no usable English sentence (plain letters and punctuation, 3 to 40 words)");
        }

        return sentences;
    }
}
