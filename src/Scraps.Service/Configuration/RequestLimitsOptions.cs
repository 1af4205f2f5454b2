namespace Scraps.Service.Configuration;

/// <summary>What one request may carry (section <c>Scraps:Limits</c>).</summary>
internal sealed class RequestLimitsOptions
{
    public const string SectionName = "Scraps:Limits";

    /// <summary>The largest request body, in bytes (JSON with base64 audio is 4/3 of the audio's size); larger is 413.</summary>
    [Range(1024, 1L << 30)]
    public long MaxRequestBytes { get; set; } = 32L << 20;

    /// <summary>The longest clip, in seconds (the model's own maximum may be lower); longer is 422.</summary>
    [Range(0.1, 3600)]
    public double MaxAudioSeconds { get; set; } = 30;

    /// <summary>The shortest clip, in milliseconds; shorter is 422.</summary>
    [Range(0, 10_000)]
    public int MinAudioMilliseconds { get; set; } = 100;

    /// <summary>The longest transcript, in characters; longer is 422.</summary>
    [Range(1, 100_000)]
    public int MaxTranscriptCharacters { get; set; } = 1000;

    /// <summary>The most clips in one score matrix request.</summary>
    [Range(1, 1024)]
    public int MaxMatrixAudios { get; set; } = 32;

    /// <summary>The most candidates in one rank request.</summary>
    [Range(1, 1024)]
    public int MaxRankCandidates { get; set; } = 64;

    /// <summary>The most transcripts in one score matrix request.</summary>
    [Range(1, 4096)]
    public int MaxMatrixTranscripts { get; set; } = 64;
}
