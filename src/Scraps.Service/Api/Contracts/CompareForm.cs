namespace Scraps.Service.Api.Contracts;

/// <summary>The multipart/form-data form of a compare request.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record CompareForm
{
    /// <summary>The clip.</summary>
    public required IFormFile Audio { get; init; }

    /// <summary>The reference clip.</summary>
    public required IFormFile Reference { get; init; }

    /// <summary>Optional transcript.</summary>
    public string? Transcript { get; init; }

    /// <summary>Optional X-SAMPA phonemes (instead of a transcript).</summary>
    public string? Phonemes { get; init; }
}
