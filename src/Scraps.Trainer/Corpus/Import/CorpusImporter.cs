using Scraps.Data;

namespace Scraps.Trainer.Corpus.Import;

/// <summary>
/// `corpus import`: reads an LJSpeech, LibriSpeech or Common Voice folder, or one of the human sets of
/// shared/human-speech.md (spoken digits, wake words, GCompris voices, TESS), into a manifest (DESIGN.md format) whose
/// audio paths are relative to the manifest. Sets without splits of their own are split by speaker. Lines or files
/// that cannot be used are reported, not fatal.
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

        if (SpokenDigitReader.Matches(root))
        {
            return CorpusFormat.SpokenDigits;
        }

        if (WakeWordReader.Matches(root))
        {
            return CorpusFormat.WakeWords;
        }

        if (GComprisVoicesReader.Matches(root))
        {
            return CorpusFormat.GCompris;
        }

        if (TorontoEmotionalSpeechReader.Matches(root))
        {
            return CorpusFormat.Tess;
        }

        throw new InvalidDataException(
            $"cannot tell the layout of {root}: expected LJSpeech (metadata.csv + wavs/), LibriSpeech (*.trans.txt + .flac), Common Voice " +
            "(train/dev/test/validated.tsv + clips/), the free spoken digit dataset (recordings/D_SPEAKER_N.wav), the wake-word benchmark " +
            "(audio/PHRASE/*.wav), GCompris-voices (en/words/*.ogg) or TESS (SPEAKER_WORD_EMOTION.wav)");
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
        if (layout == CorpusFormat.Tess && forcedSplit == DataSplits.Train)
        {
            throw new ArgumentException("--split train: TESS may be used for evaluation and calibration only (CC BY-NC-ND 4.0), never to train a shipped model");
        }

        var problems = new List<string>();
        var utterances = layout switch
        {
            CorpusFormat.LjSpeech => LjSpeechReader.Read(folder, problems),
            CorpusFormat.LibriSpeech => LibriSpeechReader.Read(folder, problems),
            CorpusFormat.CommonVoice => CommonVoiceReader.Read(folder, problems),
            CorpusFormat.SpokenDigits => SpokenDigitReader.Read(folder, problems),
            CorpusFormat.WakeWords => WakeWordReader.Read(folder, problems),
            CorpusFormat.GCompris => GComprisVoicesReader.Read(folder, problems),
            CorpusFormat.Tess => TorontoEmotionalSpeechReader.Read(folder, problems),
            _ => throw new ArgumentException($"unknown corpus format {format}"),
        };
        if (limit is { } count)
        {
            utterances = utterances.Take(count);
        }

        utterances = SplitBySpeaker(utterances.ToList());

        var manifest = Path.GetFullPath(manifestPath);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var entries = utterances
            .Where(u => seen.Add(u.Id) || Reject(problems, $"duplicate utterance id '{u.Id}' ({u.AudioPath}) skipped"))
            .Select(u => new ManifestEntry(u.Id, Manifest.RelativeAudioPath(manifest, u.AudioPath), u.Text, null, u.Speaker)
            {
                Split = forcedSplit ?? u.Split,
                Source = u.Source,
            })
            .ToList();
        if (entries.Count == 0)
        {
            throw new InvalidDataException($"no usable utterance found in {folder} as {layout}" + (problems.Count > 0 ? $"; first problem: {problems[0]}" : string.Empty));
        }

        Manifest.Write(manifest, entries);
        var splits = string.Join(", ", entries.GroupBy(e => e.Split ?? DataSplits.Train).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.All(e => e.Speaker is null)
                ? $"{g.Key} {g.Count()} clips (speakers unknown)"
                : $"{g.Key} {g.Count()} clips, {g.Select(e => e.Speaker).Distinct().Count()} speakers"));
        return new ImportResult(manifest, layout, entries.Count, problems) { Splits = splits };
    }

    /// <summary>Utterances without a split of their own get their speaker's (<see cref="SpeakerSplit"/>; a single speaker goes to test).</summary>
    private static IEnumerable<ImportedUtterance> SplitBySpeaker(List<ImportedUtterance> utterances)
    {
        var unsplit = utterances.Where(u => u.Split is null).ToArray();
        if (unsplit.Length == 0)
        {
            return utterances;
        }

        var splits = SpeakerSplit.Assign(unsplit.Select(u => u.Speaker ?? string.Empty), unsplit.All(u => u.EvaluationOnly), DataSplits.Test);
        return utterances.Select(u => u.Split is null ? u with { Split = splits[u.Speaker ?? string.Empty] } : u);
    }

    private static bool Reject(List<string> problems, string problem)
    {
        problems.Add(problem);
        return false;
    }
}
