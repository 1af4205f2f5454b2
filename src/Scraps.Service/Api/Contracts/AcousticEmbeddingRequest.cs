using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Scraps.Service.Api.Requests;

namespace Scraps.Service.Api.Contracts;

/// <summary>One clip to embed.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record AcousticEmbeddingRequest
{
    /// <summary>The clip, base64-encoded.</summary>
    [JsonConverter(typeof(Base64AudioConverter))]
    [Required]
    public byte[]? Audio { get; init; }
}
