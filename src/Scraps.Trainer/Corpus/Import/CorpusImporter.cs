using Scraps.Model.Data;

namespace Scraps.Trainer.Corpus.Import;

/// <summary>
/// `corpus import`: reads an LJSpeech, LibriSpeech or Common Voice folder into a manifest (DESIGN.md format) whose
/// audio paths are relative to the manifest. Lines that cannot be used are reported, not fatal.
/// </summary>
internal static class CorpusImporter
{
    /// <exception cref="InvalidDataException">The folder matches none of the known layouts.</exception>
    public static CorpusFormat Detect(string root)
    {
        if (LjSpeechReader.Matches(root))
        {
            return CorpusFormat.LjSpeech;
        }

        if (CommonVoiceReader.Matches(root))
        {
            return CorpusFormat.CommonVoice;
        }

        if (LibriSpeechReader.Matches(root))
        {
            return CorpusFormat.LibriSpeech;
        }

        throw new InvalidDataException(
            $"cannot tell the layout of {root}: expected LJSpeech (metadata.csv + wavs/), LibriSpeech (*.trans.txt + .flac) or Common Voice (train/dev/test/validated.tsv + clips/)");
    }

    /// <param name="root">The corpus folder.</param>
    /// <param name="format">The layout, or <see cref="CorpusFormat.Auto"/> to detect it.</param>
    /// <param name="manifestPath">Where to write the manifest.</param>
    /// <param name="split">Puts every utterance in this split instead of the corpus's own.</param>
    /// <param name="limit">Keeps only the first N utterances.</param>
    /// <exception cref="DirectoryNotFoundException">The corpus folder does not exist.</exception>
    /// <exception cref="InvalidDataException">Nothing usable was found.</exception>
    public static ImportResult Import(string root, CorpusFormat format, string manifestPath, string? split = null, int? limit = null)
    {
        var folder = Path.GetFullPath(root);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"corpus folder not found: {folder}");
        }

        if (limit is < 1)
        {
            throw new ArgumentException($"--limit must be at least 1, got {limit}");
        }

        var forcedSplit = split is null ? null : DataSplits.Normalize(split);
        var layout = format == CorpusFormat.Auto ? Detect(folder) : format;
        var problems = new List<string>();
        var utterances = layout switch
        {
            CorpusFormat.LjSpeech => LjSpeechReader.Read(folder, problems),
            CorpusFormat.LibriSpeech => LibriSpeechReader.Read(folder, problems),
            CorpusFormat.CommonVoice => CommonVoiceReader.Read(folder, problems),
            _ => throw new ArgumentException($"unknown corpus format {format}"),
        };
        if (limit is { } count)
        {
            utterances = utterances.Take(count);
        }

        var manifest = Path.GetFullPath(manifestPath);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var entries = utterances
            .Where(u => seen.Add(u.Id) || Reject(problems, $"duplicate utterance id '{u.Id}' ({u.AudioPath}) skipped"))
            .Select(u => new ManifestEntry(u.Id, Manifest.RelativeAudioPath(manifest, u.AudioPath), u.Text, null, u.Speaker)
            {
                Split = forcedSplit ?? u.Split,
            })
            .ToList();
        if (entries.Count == 0)
        {
            throw new InvalidDataException($"no usable utterance found in {folder} as {layout}" + (problems.Count > 0 ? $"; first problem: {problems[0]}" : string.Empty));
        }

        Manifest.Write(manifest, entries);
        return new ImportResult(manifest, layout, entries.Count, problems);
    }

    private static bool Reject(List<string> problems, string problem)
    {
        problems.Add(problem);
        return false;
    }
}
