using Scraps.Data;

namespace Scraps.Trainer.Corpus.Import;

/// <summary>
/// LJSpeech: <c>metadata.csv</c> with lines <c>id|transcript|normalized transcript</c> and audio in
/// <c>wavs/id.wav</c>. The normalized transcript (numbers spelled out) is used when present. One speaker.
/// </summary>
internal static class LjSpeechReader
{
    public const string MetadataFile = "metadata.csv";

    public static bool Matches(string root) => File.Exists(Path.Combine(root, MetadataFile)) && Directory.Exists(Path.Combine(root, "wavs"));

    public static IEnumerable<ImportedUtterance> Read(string root, ICollection<string> problems)
    {
        var metadata = Path.Combine(root, MetadataFile);
        var number = 0;
        foreach (var line in File.ReadLines(metadata))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var columns = line.Split('|');
            if (columns.Length < 2 || string.IsNullOrWhiteSpace(columns[0]))
            {
                problems.Add($"{metadata}:{number}: expected 'id|transcript|normalized transcript'");
                continue;
            }

            var id = columns[0].Trim();
            var text = (columns.Length >= 3 && !string.IsNullOrWhiteSpace(columns[2]) ? columns[2] : columns[1]).Trim();
            if (text.Length == 0)
            {
                problems.Add($"{metadata}:{number}: '{id}' has an empty transcript");
                continue;
            }

            var audio = Path.Combine(root, "wavs", id + ".wav");
            if (!File.Exists(audio))
            {
                problems.Add($"{metadata}:{number}: audio {audio} not found");
                continue;
            }

            yield return new ImportedUtterance(id, audio, text, "ljspeech", DataSplits.Train);
        }
    }
}
