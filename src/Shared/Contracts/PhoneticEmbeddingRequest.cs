#if SCRAPS_SERVICE
namespace Scraps.Service.Api.Contracts;
#else
namespace Scraps.Client;
#endif

/// <summary>A transcript or X-SAMPA phonemes to embed (exactly one of the two).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
sealed partial record PhoneticEmbeddingRequest
{
    /// <summary>The text; phonemised with the model's G2P.</summary>
    public string? Transcript { get; init; }

    /// <summary>X-SAMPA phonemes, space-separated.</summary>
    public string? Phonemes { get; init; }
}
