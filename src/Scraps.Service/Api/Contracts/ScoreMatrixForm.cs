namespace Scraps.Service.Api.Contracts;

/// <summary>The multipart/form-data form of a score matrix request: repeat the parts, order is kept.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record ScoreMatrixForm
{
    /// <summary>The clips (rows), one file part each.</summary>
    public required IReadOnlyList<IFormFile> Audio { get; init; }

    /// <summary>The transcripts (columns), one field each.</summary>
    public IReadOnlyList<string>? Transcript { get; init; }

    /// <summary>X-SAMPA phoneme strings (columns), instead of transcripts.</summary>
    public IReadOnlyList<string>? Phonemes { get; init; }
}
