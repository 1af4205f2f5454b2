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

    /// <summary>
    /// Decodes to what the model takes: mono 16 kHz, with the repairs made (non-finite samples, truncation). Memory is
    /// bounded by <paramref name="maxDuration"/>: a clip whose container states a longer length is refused before any
    /// sample is decoded (<see cref="AudioTooLongException"/>), others as soon as decoding passes it; the native-rate
    /// samples live in pooled buffers.
    /// </summary>
    /// <exception cref="AudioFormatException">Not audio we decode (<see cref="AudioFormatException.IsUnsupported"/>) or malformed.</exception>
    /// <exception cref="AudioTooLongException">Longer than <paramref name="maxDuration"/>.</exception>
    /// <exception cref="AudioContentException">Every sample is NaN or infinite.</exception>
    public static DecodedAudio DecodeMono16k(ReadOnlySpan<byte> data, TimeSpan maxDuration)
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
        var truncated = false;
        PooledSamples samples;
        switch (kind)
        {
            case ContainerKind.Unknown:
                throw Unknown(data);
            case ContainerKind.Wav:
                var layout = WavParser.Parse(data);
                var format = layout.Format;
                if (format.Encoding is null)
                {
                    samples = WavThroughSndFile(data, format, maxDuration);
                    break;
                }

                CheckLength(layout.Frames, format.SampleRate, maxDuration);
                var buffer = DecodeBuffers.Pool.Rent((int)Math.Max(1, layout.Frames));
                var bytes = data.Slice((int)layout.DataOffset, (int)layout.DataLength);
                var nonFinite = WavSampleDecoder.DecodeMono(bytes, format, buffer);
                samples = new PooledSamples(buffer, (int)layout.Frames, format.SampleRate, nonFinite);
                truncated = layout.IsTruncated;
                break;
            default:
                samples = SndFileDecoder.DecodePooled(data, ContainerSniffer.Describe(kind), maxDuration);
                break;
        }

        try
        {
            if (samples.Frames > 0 && samples.NonFinite == samples.Frames)
            {
                throw new AudioContentException($"the audio has no finite samples: all {samples.Frames} are NaN or infinite");
            }

            var span = samples.Buffer.AsSpan(0, samples.Frames);
            var mono16k = samples.SampleRate == AudioFrontEnd.SampleRate ? span.ToArray() : Resampler.Resample(span, samples.SampleRate, AudioFrontEnd.SampleRate);
            return new DecodedAudio(mono16k, (double)samples.Frames / samples.SampleRate, samples.NonFinite, samples.Frames, truncated);
        }
        finally
        {
            DecodeBuffers.Pool.Return(samples.Buffer);
        }
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

        CheckLength(layout.Frames, format.SampleRate, maxDuration);

        var bytes = data.Slice((int)layout.DataOffset, (int)layout.DataLength);
        return new AudioClip(WavSampleDecoder.DecodeMono(bytes, format), format.SampleRate);
    }

    private static AudioFormatException Unknown(ReadOnlySpan<byte> data) => data.Length < 12
        ? AudioFormatException.Malformed($"audio data is only {data.Length} bytes, too short to be an audio file")
        : AudioFormatException.Unsupported(
            "audio container not recognised from its first bytes (supported: WAV, FLAC, Ogg Vorbis/Opus, MP3, AIFF, AU, CAF)", 0);

    internal static long MaxFrames(int sampleRate, TimeSpan maxDuration) =>
        (long)Math.Min(Array.MaxLength, Math.Floor(maxDuration.TotalSeconds * sampleRate));

    private static void CheckLength(long frames, int sampleRate, TimeSpan maxDuration)
    {
        if (frames > MaxFrames(sampleRate, maxDuration))
        {
            throw new AudioTooLongException((double)frames / sampleRate, maxDuration);
        }
    }

    private static PooledSamples WavThroughSndFile(ReadOnlySpan<byte> data, Wav.WavFormat format, TimeSpan maxDuration) =>
        WavFormatTags.IsSndFileCodec(format.FormatTag)
            ? SndFileDecoder.DecodePooled(data, $"WAV ({WavFormatTags.Name(format.FormatTag)})", maxDuration)
            : throw AudioFormatException.Unsupported($"WAV encoding {WavFormatTags.Name(format.FormatTag)} is not supported", format.TagOffset);
}
