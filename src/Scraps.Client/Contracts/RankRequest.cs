namespace Scraps.Client;

/// <summary>Body of <c>POST /v1/rank</c>: one clip and candidate transcripts or candidate phoneme strings.</summary>
public sealed record RankRequest
{
    /// <summary>The clip's file bytes (WAV, FLAC, Ogg, MP3...); sent base64-encoded.</summary>
    public required byte[] Audio { get; init; }

    /// <summary>Candidate transcripts (e.g. an ASR n-best list).</summary>
    public IReadOnlyList<string>? Transcripts { get; init; }

    /// <summary>Candidate X-SAMPA phoneme strings (e.g. pronunciation variants), instead of transcripts.</summary>
    public IReadOnlyList<string>? Phonemes { get; init; }
}
