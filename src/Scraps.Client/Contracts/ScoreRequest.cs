namespace Scraps.Client;

/// <summary>
/// Body of <c>POST /v1/score</c>: one clip and what it should say, a transcript or X-SAMPA phonemes (exactly one
/// of the two).
/// </summary>
public sealed record ScoreRequest
{
    /// <summary>The clip's file bytes (WAV, FLAC, Ogg Vorbis/Opus, MP3, AIFF...; any sample rate); sent base64-encoded.</summary>
    public required byte[] Audio { get; init; }

    /// <summary>The text the clip should say; phonemised by the service with the model's G2P.</summary>
    public string? Transcript { get; init; }

    /// <summary>The phonemes the clip should say, X-SAMPA, space-separated (instead of a transcript).</summary>
    public string? Phonemes { get; init; }
}
