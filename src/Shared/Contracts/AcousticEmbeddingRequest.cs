#if SCRAPS_SERVICE
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Scraps.Service.Api.Requests;

namespace Scraps.Service.Api.Contracts;
#else
using System.Text.Json.Serialization;

namespace Scraps.Client;
#endif

/// <summary>One clip to embed.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
sealed partial record AcousticEmbeddingRequest
{
#if SCRAPS_SERVICE
    /// <summary>The clip, base64-encoded.</summary>
    [JsonConverter(typeof(Base64AudioConverter))]
    [Required]
    public byte[]? Audio { get; init; }
#else
    /// <summary>The clip's file bytes; sent base64-encoded.</summary>
    public required byte[] Audio { get; init; }
#endif
}
