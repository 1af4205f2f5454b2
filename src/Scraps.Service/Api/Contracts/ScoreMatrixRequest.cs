using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Scraps.Service.Api.Requests;

namespace Scraps.Service.Api.Contracts;

/// <summary>N clips against M transcripts (or M phoneme strings; exactly one of the two lists).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record ScoreMatrixRequest
{
    /// <summary>The clips, each base64-encoded.</summary>
    [JsonConverter(typeof(Base64AudioListConverter))]
    [Required]
    public IReadOnlyList<byte[]>? Audios { get; init; }

    /// <summary>The transcripts (columns).</summary>
    public IReadOnlyList<string>? Transcripts { get; init; }

    /// <summary>X-SAMPA phoneme strings (columns), instead of transcripts.</summary>
    public IReadOnlyList<string>? Phonemes { get; init; }
}
