namespace Scraps.Audio;

/// <summary>
/// Audio longer than the caller's limit, found before the samples are decoded whenever the container states its length
/// (WAV, FLAC, most others), else as soon as decoding passes the limit: a decompression bomb never costs its length.
/// </summary>
public sealed class AudioTooLongException(double? seconds, TimeSpan limit)
    : AudioFormatException(seconds is { } s
        ? FormattableString.Invariant($"audio is {s:0.##} s long, longer than the limit of {limit.TotalSeconds:0.###} s")
        : FormattableString.Invariant($"audio is longer than the limit of {limit.TotalSeconds:0.###} s"))
{
    /// <summary>The stated length, when the container states one.</summary>
    public double? Seconds { get; } = seconds;

    public TimeSpan Limit { get; } = limit;
}
