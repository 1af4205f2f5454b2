#if SCRAPS_SERVICE
namespace Scraps.Service.Api.Contracts;
#else
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
