using System.Text.Json;

namespace Scraps.Data;

/// <summary>
/// One utterance of a manifest (DESIGN.md, "Contracts"): <see cref="Audio"/> is relative to the manifest file
/// (or absolute); <see cref="Text"/> or <see cref="Phonemes"/> (X-SAMPA, space-separated) is present.
/// The optional fields describe synthetic corpora: which voice and synthesizer spoke it, which split it belongs
/// to (train, valid, test), its duration in seconds, the augmentations applied (a JSON object) and where its
/// phone times are (<see cref="PhoneTimes"/>).
/// </summary>
public sealed record ManifestEntry(string Id, string Audio, string? Text, string? Phonemes, string? Speaker)
{
    public string? Voice { get; init; }

    public string? Synthesizer { get; init; }

    public string? Split { get; init; }

    public double? Duration { get; init; }

    public JsonElement? Augmentation { get; init; }

    /// <summary>
    /// A <c>*.phones.tsv</c> file (relative to the manifest, like <see cref="Audio"/>) with the time of every phone in
    /// the clip (<see cref="Scraps.Phonetics.Timing.PhoneTimingFile"/>), written by synthesizers that know them.
    /// </summary>
    public string? PhoneTimes { get; init; }

    /// <summary>The corpus an imported clip comes from (e.g. <c>fsdd</c>, <c>tess</c>), for figures per set.</summary>
    public string? Source { get; init; }
}
