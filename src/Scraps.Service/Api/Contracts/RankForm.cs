namespace Scraps.Service.Api.Contracts;

/// <summary>The multipart/form-data form of a rank request: one 'audio' file part, the candidates as repeated fields.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record RankForm
{
    /// <summary>The clip.</summary>
    public required IFormFile Audio { get; init; }

    /// <summary>Candidate transcripts, one field each.</summary>
    public IReadOnlyList<string>? Transcript { get; init; }

    /// <summary>Candidate X-SAMPA phoneme strings, instead of transcripts.</summary>
    public IReadOnlyList<string>? Phonemes { get; init; }
}
