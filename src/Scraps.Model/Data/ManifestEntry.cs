using System.Text.Json;

namespace Scraps.Model.Data;

/// <summary>
/// One utterance of a manifest (DESIGN.md, "Contracts"): <see cref="Audio"/> is relative to the manifest file
/// (or absolute); <see cref="Text"/> or <see cref="Phonemes"/> (X-SAMPA, space-separated) is present.
/// The optional fields describe synthetic corpora: which voice and synthesizer spoke it, which split it belongs
/// to (train, valid, test), its duration in seconds and the augmentations applied (a JSON object).
/// </summary>
public sealed record ManifestEntry(string Id, string Audio, string? Text, string? Phonemes, string? Speaker)
{
    public string? Voice { get; init; }

    public string? Synthesizer { get; init; }

    public string? Split { get; init; }

    public double? Duration { get; init; }

    public JsonElement? Augmentation { get; init; }
}
