#if SCRAPS_SERVICE
namespace Scraps.Service.Api.Contracts;
#else
namespace Scraps.Client;
#endif

/// <summary>One clip and what it should say: a transcript, or X-SAMPA phonemes (exactly one of the two).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
sealed partial record ScoreRequest
{
#if SCRAPS_SERVICE
    /// <summary>The clip, base64-encoded (WAV, FLAC, Ogg Vorbis/Opus, MP3, AIFF...; any sample rate; channels are averaged).</summary>
    [JsonConverter(typeof(Base64AudioConverter))]
    [Required]
    public byte[]? Audio { get; init; }
#else
    /// <summary>The clip's file bytes (WAV, FLAC, Ogg Vorbis/Opus, MP3, AIFF...; any sample rate); sent base64-encoded.</summary>
    public required byte[] Audio { get; init; }
#endif

    /// <summary>The text the clip should say; phonemised with the model's G2P (espeak-ng). Punctuation becomes pauses.</summary>
    public string? Transcript { get; init; }

    /// <summary>The phonemes the clip should say, X-SAMPA, space-separated (instead of a transcript).</summary>
    public string? Phonemes { get; init; }
}
