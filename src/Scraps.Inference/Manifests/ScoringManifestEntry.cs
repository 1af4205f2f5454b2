using System.Text.Json;

namespace Scraps.Inference.Manifests;

/// <summary>
/// The fields of a manifest line (DESIGN.md, "Contracts") that scoring needs: id, audio path (relative to the
/// manifest) and text or X-SAMPA phonemes; and, where the line has it, the corpus builder's <c>textKind</c>, which an
/// evaluation can select clips by.
/// </summary>
public sealed record ScoringManifestEntry(string Id, string Audio, string? Text, string? Phonemes)
{
    /// <summary>
    /// The utterance kind (<c>"word"</c>, <c>"passage"</c>, ...) written by <c>scraps-train corpus synth</c>; null when absent
    /// or not a string (an optional extra field: it never makes a line unusable for scoring).
    /// </summary>
    public string? TextKind { get; init; }

    /// <summary>
    /// The set a line belongs to, for figures per set: its <c>source</c> (an imported human set: fsdd, tess...), else
    /// <c>synthetic</c> for a line with a <c>synthesizer</c>; null when the line has neither.
    /// </summary>
    public string? Source { get; init; }

    /// <summary>The line's <c>speaker</c> (or <c>voice</c>), when it has one.</summary>
    public string? Speaker { get; init; }

    /// <summary>Where the utterance starts in <see cref="Audio"/>, in seconds; null: the whole file is the utterance.</summary>
    public double? Offset { get; init; }

    /// <summary>How long the utterance is from <see cref="Offset"/> (0 when null), in seconds; null: to the file's end.</summary>
    public double? Duration { get; init; }

    /// <summary>The channel a source names (Lhotse); multi-channel audio is scored on its mixdown all the same.</summary>
    public int? Channel { get; init; }

    /// <summary>The encoded audio itself where the manifest holds it (Parquet's audio bytes); then <see cref="Audio"/> only names it.</summary>
    public byte[]? AudioBytes { get; init; }

    /// <summary>True when the utterance is a stretch of a longer recording rather than a whole file.</summary>
    public bool IsSegment => Offset is not null || Duration is not null;

    /// <summary>Parses one JSON line.</summary>
    /// <exception cref="FormatException">Not a JSON object, or a required field is missing or not a string.</exception>
    public static ScoringManifestEntry Parse(string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new FormatException($"bad JSON: {JsonLineError.Describe(e)}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"expected a JSON object, found {root.ValueKind}");
            }

            var id = Optional(root, "id");
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new FormatException("missing 'id'");
            }

            var audio = Optional(root, "audio");
            if (string.IsNullOrWhiteSpace(audio))
            {
                throw new FormatException($"entry '{id}' has no 'audio'");
            }

            var text = Optional(root, "text");
            var phonemes = Optional(root, "phonemes");
            if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(phonemes))
            {
                throw new FormatException($"entry '{id}' has neither 'text' nor 'phonemes'");
            }

            return new ScoringManifestEntry(
                id,
                audio,
                string.IsNullOrWhiteSpace(text) ? null : text,
                string.IsNullOrWhiteSpace(phonemes) ? null : phonemes)
            {
                TextKind = OptionalString(root, "textKind"),
                Source = OptionalString(root, "source") ?? (OptionalString(root, "synthesizer") is not null ? SyntheticSource : null),
                Speaker = OptionalString(root, "speaker") ?? OptionalString(root, "voice"),
            };
        }
    }

    /// <summary>The set name of synthetic corpus lines (those with a synthesizer and no source).</summary>
    public const string SyntheticSource = "synthetic";

    /// <summary>An extra field's value when it is a string; null otherwise (extra fields never make a line unusable).</summary>
    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Optional(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new FormatException($"'{name}' must be a string, found {value.ValueKind}");
    }
}
