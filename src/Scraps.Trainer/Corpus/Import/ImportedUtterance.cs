namespace Scraps.Trainer.Corpus.Import;

/// <summary>
/// One utterance found in a corpus: its absolute audio path, transcript, speaker and split (null: the importer splits
/// the corpus by speaker, <see cref="SpeakerSplit"/>).
/// </summary>
internal sealed record ImportedUtterance(string Id, string AudioPath, string Text, string? Speaker, string? Split)
{
    /// <summary>The corpus it comes from (fsdd, tess, ...), recorded in the manifest for per-set figures.</summary>
    public string? Source { get; init; }

    /// <summary>The corpus's licence allows evaluation and calibration only: no speaker of it goes to train.</summary>
    public bool EvaluationOnly { get; init; }
}

/// <summary>What an import found: the utterances, and each line or file it had to skip, with why.</summary>
internal sealed record ImportResult(string ManifestPath, CorpusFormat Format, int Utterances, IReadOnlyList<string> Problems)
{
    /// <summary>Clips and speakers per split, e.g. "test 500 clips, 1 speakers, train 2000 clips, 4 speakers".</summary>
    public string Splits { get; init; } = string.Empty;
}
