using Scraps.Audio.Decoding;
using Scraps.Audio.Native;
using Scraps.Audio.Wav;

namespace Scraps.Audio;

/// <summary>
/// Decodes audio bytes to mono float32, detecting the container by content (never by file name):
/// WAV with our own reader; FLAC, Ogg Vorbis/Opus, MP3 (and AIFF, AU, CAF...) through libsndfile.
/// Multi-channel audio is downmixed by averaging the channels. Errors are <see cref="AudioFormatException"/>.
/// </summary>
public static class AudioDecoder
{
    /// <summary>Longest audio decoded unless a caller asks otherwise (a guard against decompression bombs).</summary>
    public static readonly TimeSpan DefaultMaxDuration = TimeSpan.FromHours(1);

    public static AudioClip Decode(ReadOnlySpan<byte> data) => Decode(data, DefaultMaxDuration);

    public static AudioClip Decode(ReadOnlySpan<byte> data, TimeSpan maxDuration)
    {
        if (maxDuration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDuration), maxDuration, "must be positive");
        }

        if (data.IsEmpty)
        {
            throw AudioFormatException.Malformed("audio data is empty (0 bytes)");
        }

        var kind = ContainerSniffer.Detect(data);
        return kind switch
        {
            ContainerKind.Wav => DecodeWav(data, maxDuration),
            ContainerKind.Unknown => throw Unknown(data),
            _ => SndFileDecoder.Decode(data, ContainerSniffer.Describe(kind), maxDuration),
        };
    }

    public static AudioClip DecodeFile(string path) => DecodeFile(path, DefaultMaxDuration);

    public static AudioClip DecodeFile(string path, TimeSpan maxDuration)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Decode(File.ReadAllBytes(path), maxDuration);
    }

    private static AudioClip DecodeWav(ReadOnlySpan<byte> data, TimeSpan maxDuration)
    {
        var layout = WavParser.Parse(data);
        var format = layout.Format;
        if (format.Encoding is null)
        {
            if (WavFormatTags.IsSndFileCodec(format.FormatTag))
            {
                return SndFileDecoder.Decode(data, $"WAV ({WavFormatTags.Name(format.FormatTag)})", maxDuration);
            }

            throw AudioFormatException.Unsupported($"WAV encoding {WavFormatTags.Name(format.FormatTag)} is not supported", format.TagOffset);
        }

        if (layout.Frames > MaxFrames(format.SampleRate, maxDuration))
        {
            throw TooLong(maxDuration);
        }

        var bytes = data.Slice((int)layout.DataOffset, (int)layout.DataLength);
        return new AudioClip(WavSampleDecoder.DecodeMono(bytes, format), format.SampleRate);
    }

    private static AudioFormatException Unknown(ReadOnlySpan<byte> data) => data.Length < 12
        ? AudioFormatException.Malformed($"audio data is only {data.Length} bytes, too short to be an audio file")
        : AudioFormatException.Unsupported(
            "audio container not recognised from its first bytes (supported: WAV, FLAC, Ogg Vorbis/Opus, MP3, AIFF, AU, CAF)", 0);

    internal static long MaxFrames(int sampleRate, TimeSpan maxDuration) =>
        (long)Math.Min(Array.MaxLength, Math.Floor(maxDuration.TotalSeconds * sampleRate));

    internal static AudioFormatException TooLong(TimeSpan maxDuration) =>
        AudioFormatException.Malformed($"audio is longer than the limit of {maxDuration.TotalSeconds:0.###} s");
}
