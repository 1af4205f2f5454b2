using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Scraps.Service.Api.Requests;

namespace Scraps.Service.Api.Contracts;

/// <summary>One clip and candidate transcripts (or candidate phoneme strings; exactly one of the two lists).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record RankRequest
{
    /// <summary>The clip, base64-encoded.</summary>
    [JsonConverter(typeof(Base64AudioConverter))]
    [Required]
    public byte[]? Audio { get; init; }

    /// <summary>Candidate transcripts (e.g. an ASR n-best list).</summary>
    public IReadOnlyList<string>? Transcripts { get; init; }

    /// <summary>Candidate X-SAMPA phoneme strings (e.g. pronunciation variants), instead of transcripts.</summary>
    public IReadOnlyList<string>? Phonemes { get; init; }
}
