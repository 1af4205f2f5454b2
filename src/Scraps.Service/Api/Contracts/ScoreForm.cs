namespace Scraps.Service.Api.Contracts;

/// <summary>The multipart/form-data form of a score request.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record ScoreForm
{
    /// <summary>The clip (WAV, FLAC, Ogg Vorbis/Opus, MP3, AIFF...; any sample rate; channels are averaged).</summary>
    public required IFormFile Audio { get; init; }

    /// <summary>The text the clip should say (or give phonemes).</summary>
    public string? Transcript { get; init; }

    /// <summary>X-SAMPA phonemes, space-separated (instead of a transcript).</summary>
    public string? Phonemes { get; init; }
}
