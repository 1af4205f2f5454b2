#if SCRAPS_SERVICE
namespace Scraps.Service.Api.Contracts;
#else
namespace Scraps.Client;
#endif

/// <summary>
/// A clip (e.g. voice-conversion output) against a reference clip (e.g. its source), and optionally against the
/// text both should say (transcript or X-SAMPA phonemes, at most one).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
sealed partial record CompareRequest
{
#if SCRAPS_SERVICE
    /// <summary>The clip, base64-encoded.</summary>
    [JsonConverter(typeof(Base64AudioConverter))]
    [Required]
    public byte[]? Audio { get; init; }

    /// <summary>The reference clip, base64-encoded.</summary>
    [JsonConverter(typeof(Base64AudioConverter))]
    [Required]
    public byte[]? Reference { get; init; }
#else
    /// <summary>The clip's file bytes; sent base64-encoded.</summary>
    public required byte[] Audio { get; init; }

    /// <summary>The reference clip's file bytes; sent base64-encoded.</summary>
    public required byte[] Reference { get; init; }
#endif

    /// <summary>Optional transcript.</summary>
    public string? Transcript { get; init; }

    /// <summary>Optional X-SAMPA phonemes (instead of a transcript).</summary>
    public string? Phonemes { get; init; }
}
