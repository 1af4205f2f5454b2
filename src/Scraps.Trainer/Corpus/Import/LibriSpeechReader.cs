using Scraps.Data;

namespace Scraps.Trainer.Corpus.Import;

/// <summary>
/// LibriSpeech: <c>SUBSET/SPEAKER/CHAPTER/SPEAKER-CHAPTER.trans.txt</c> with lines <c>SPEAKER-CHAPTER-UTT TRANSCRIPT</c>
/// and audio <c>SPEAKER-CHAPTER-UTT.flac</c> beside it. Transcripts are upper case; they are lower-cased with a
/// capital first letter and "I". The split follows the subset folder: train-*, dev-* (valid), test-*.
/// </summary>
internal static class LibriSpeechReader
{
    private const string TranscriptPattern = "*.trans.txt";

    public static bool Matches(string root) => TranscriptFiles(root).Any();

    public static IEnumerable<ImportedUtterance> Read(string root, ICollection<string> problems)
    {
        foreach (var transcript in TranscriptFiles(root).Order(StringComparer.Ordinal))
        {
            var folder = Path.GetDirectoryName(transcript)!;
            var split = SplitOf(Path.GetRelativePath(root, folder));
            var number = 0;
            foreach (var line in File.ReadLines(transcript))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var space = line.IndexOf(' ', StringComparison.Ordinal);
                if (space <= 0 || space == line.Length - 1)
                {
                    problems.Add($"{transcript}:{number}: expected 'UTTERANCE-ID TRANSCRIPT'");
                    continue;
                }

                var id = line[..space];
                var audio = Path.Combine(folder, id + ".flac");
                if (!File.Exists(audio))
                {
                    problems.Add($"{transcript}:{number}: audio {audio} not found");
                    continue;
                }

                yield return new ImportedUtterance(id, audio, SentenceCase(line[(space + 1)..].Trim()), id.Split('-')[0], split);
            }
        }
    }

    internal static string SentenceCase(string text)
    {
        var words = text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w == "i" || w.StartsWith("i'", StringComparison.Ordinal) ? "I" + w[1..] : w)
            .ToArray();
        var joined = string.Join(' ', words);
        return joined.Length == 0 ? joined : char.ToUpperInvariant(joined[0]) + joined[1..];
    }

    private static string SplitOf(string relativeFolder)
    {
        foreach (var part in relativeFolder.Split(Path.DirectorySeparatorChar))
        {
            if (part.StartsWith("train", StringComparison.OrdinalIgnoreCase))
            {
                return DataSplits.Train;
            }

            if (part.StartsWith("dev", StringComparison.OrdinalIgnoreCase))
            {
                return DataSplits.Valid;
            }

            if (part.StartsWith("test", StringComparison.OrdinalIgnoreCase))
            {
                return DataSplits.Test;
            }
        }

        return DataSplits.Train;
    }

    private static IEnumerable<string> TranscriptFiles(string root) =>
        Directory.EnumerateFiles(root, TranscriptPattern, new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 5 });
}
