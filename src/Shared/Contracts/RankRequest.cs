#if SCRAPS_SERVICE
namespace Scraps.Service.Api.Contracts;
#else
namespace Scraps.Client;
#endif

/// <summary>One clip and candidate transcripts (or candidate phoneme strings; exactly one of the two lists).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
sealed partial record RankRequest
{
#if SCRAPS_SERVICE
    /// <summary>The clip, base64-encoded.</summary>
    [JsonConverter(typeof(Base64AudioConverter))]
    [Required]
    public byte[]? Audio { get; init; }
#else
    /// <summary>The clip's file bytes (WAV, FLAC, Ogg, MP3...); sent base64-encoded.</summary>
    public required byte[] Audio { get; init; }
#endif

    /// <summary>Candidate transcripts (e.g. an ASR n-best list).</summary>
    public IReadOnlyList<string>? Transcripts { get; init; }

    /// <summary>Candidate X-SAMPA phoneme strings (e.g. pronunciation variants), instead of transcripts.</summary>
    public IReadOnlyList<string>? Phonemes { get; init; }
}
