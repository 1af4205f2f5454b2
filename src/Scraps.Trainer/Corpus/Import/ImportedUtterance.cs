namespace Scraps.Trainer.Corpus.Import;

/// <summary>One utterance found in a corpus: its absolute audio path, transcript, speaker and split.</summary>
internal sealed record ImportedUtterance(string Id, string AudioPath, string Text, string? Speaker, string Split);

/// <summary>What an import found: the utterances, and each line or file it had to skip, with why.</summary>
internal sealed record ImportResult(string ManifestPath, CorpusFormat Format, int Utterances, IReadOnlyList<string> Problems);
