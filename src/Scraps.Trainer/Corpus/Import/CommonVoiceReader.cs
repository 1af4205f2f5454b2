using Scraps.Data;

namespace Scraps.Trainer.Corpus.Import;

/// <summary>
/// Common Voice: tab-separated files with a header (<c>client_id</c>, <c>path</c>, <c>sentence</c>, ...) and audio in
/// <c>clips/</c>. train.tsv, dev.tsv and test.tsv become the train, valid and test splits; without them,
/// validated.tsv is read as train. The speaker is the client id.
/// </summary>
internal static class CommonVoiceReader
{
    private static readonly (string File, string Split)[] SplitFiles =
        [("train.tsv", DataSplits.Train), ("dev.tsv", DataSplits.Valid), ("test.tsv", DataSplits.Test)];

    public static bool Matches(string root) =>
        Directory.Exists(Path.Combine(root, "clips"))
        && (SplitFiles.Any(s => File.Exists(Path.Combine(root, s.File))) || File.Exists(Path.Combine(root, "validated.tsv")));

    public static IEnumerable<ImportedUtterance> Read(string root, ICollection<string> problems)
    {
        var files = SplitFiles.Where(s => File.Exists(Path.Combine(root, s.File))).ToArray();
        if (files.Length == 0)
        {
            files = [("validated.tsv", DataSplits.Train)];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, split) in files)
        {
            foreach (var utterance in ReadTable(root, Path.Combine(root, file), split, problems))
            {
                if (seen.Add(utterance.Id))
                {
                    yield return utterance;
                }
            }
        }
    }

    private static IEnumerable<ImportedUtterance> ReadTable(string root, string table, string split, ICollection<string> problems)
    {
        using var reader = new StreamReader(table);
        var header = reader.ReadLine()?.Split('\t');
        var pathColumn = Array.IndexOf(header ?? [], "path");
        var sentenceColumn = Array.IndexOf(header ?? [], "sentence");
        var speakerColumn = Array.IndexOf(header ?? [], "client_id");
        if (pathColumn < 0 || sentenceColumn < 0)
        {
            throw new InvalidDataException($"{table}: the header must name the columns 'path' and 'sentence'");
        }

        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length <= Math.Max(pathColumn, sentenceColumn))
            {
                problems.Add($"{table}:{number}: {columns.Length} columns, the header has {header!.Length}");
                continue;
            }

            var clip = columns[pathColumn].Trim();
            var text = columns[sentenceColumn].Trim();
            if (clip.Length == 0 || text.Length == 0 || clip.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(clip))
            {
                problems.Add($"{table}:{number}: empty or invalid path or sentence");
                continue;
            }

            var audio = Path.Combine(root, "clips", clip);
            if (!File.Exists(audio))
            {
                problems.Add($"{table}:{number}: audio {audio} not found");
                continue;
            }

            var speaker = speakerColumn >= 0 && speakerColumn < columns.Length ? columns[speakerColumn].Trim() : null;
            yield return new ImportedUtterance(Path.GetFileNameWithoutExtension(clip), audio, text, string.IsNullOrEmpty(speaker) ? null : speaker, split);
        }
    }
}
