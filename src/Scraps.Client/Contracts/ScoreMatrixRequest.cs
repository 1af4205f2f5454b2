namespace Scraps.Client;

/// <summary>Body of <c>POST /v1/score/matrix</c>: N clips (rows) against M transcripts or M phoneme strings (columns).</summary>
public sealed record ScoreMatrixRequest
{
    /// <summary>The clips' file bytes; each is sent base64-encoded.</summary>
    public required IReadOnlyList<byte[]> Audios { get; init; }

    /// <summary>The transcripts (columns).</summary>
    public IReadOnlyList<string>? Transcripts { get; init; }

    /// <summary>X-SAMPA phoneme strings (columns), instead of transcripts.</summary>
    public IReadOnlyList<string>? Phonemes { get; init; }
}
