#if SCRAPS_SERVICE
namespace Scraps.Service.Api.Contracts;
#else
namespace Scraps.Client;
#endif

/// <summary>N clips against M transcripts (or M phoneme strings; exactly one of the two lists).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
sealed partial record ScoreMatrixRequest
{
#if SCRAPS_SERVICE
    /// <summary>The clips, each base64-encoded.</summary>
    [JsonConverter(typeof(Base64AudioListConverter))]
    [Required]
    public IReadOnlyList<byte[]>? Audios { get; init; }
#else
    /// <summary>The clips' file bytes; each is sent base64-encoded.</summary>
    public required IReadOnlyList<byte[]> Audios { get; init; }
#endif

    /// <summary>The transcripts (columns).</summary>
    public IReadOnlyList<string>? Transcripts { get; init; }

    /// <summary>X-SAMPA phoneme strings (columns), instead of transcripts.</summary>
    public IReadOnlyList<string>? Phonemes { get; init; }
}
