namespace Scraps.Client;

/// <summary>
/// Body of <c>POST /v1/compare</c>: a clip (e.g. voice-conversion output) against a reference clip (e.g. its
/// source), and optionally against the text both should say (a transcript or X-SAMPA phonemes, at most one).
/// </summary>
public sealed record CompareRequest
{
    /// <summary>The clip's file bytes; sent base64-encoded.</summary>
    public required byte[] Audio { get; init; }

    /// <summary>The reference clip's file bytes; sent base64-encoded.</summary>
    public required byte[] Reference { get; init; }

    /// <summary>Optional transcript.</summary>
    public string? Transcript { get; init; }

    /// <summary>Optional X-SAMPA phonemes (instead of a transcript).</summary>
    public string? Phonemes { get; init; }
}
