using NAudio.Wave;

namespace Scraps.Client.NAudio;

/// <summary>
/// NAudio audio as the bytes of a 32-bit float WAV file, the form every request's <c>Audio</c> takes: the
/// provider's sample rate and channels are kept (the service averages channels and resamples with its own
/// front end, as it does for files), and float32 keeps every sample exactly, where PCM16 would round most of them.
/// </summary>
public static class SampleProviderWav
{
    /// <summary>The longest audio read from a provider unless the caller says otherwise (providers may never end).</summary>
    public static readonly TimeSpan DefaultMaxDuration = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Reads <paramref name="audio"/> to its end (at most <paramref name="maxDuration"/>, default
    /// <see cref="DefaultMaxDuration"/>) into a float32 WAV file.
    /// </summary>
    /// <exception cref="ArgumentException">The provider gives more than <paramref name="maxDuration"/> of audio, or none.</exception>
    public static byte[] Encode(ISampleProvider audio, TimeSpan? maxDuration = null)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var format = audio.WaveFormat;
        if (format.SampleRate <= 0 || format.Channels <= 0)
        {
            throw new ArgumentException($"the sample provider's format ({format}) has no sample rate or no channels", nameof(audio));
        }

        var limit = maxDuration ?? DefaultMaxDuration;
        var maxSamples = (long)Math.Ceiling(limit.TotalSeconds * format.SampleRate) * format.Channels;
        using var output = new MemoryStream();
        long written = 0;
        // WaveFileWriter writes the RIFF header (format 3, IEEE float, with the fact chunk) and patches the sizes on
        // dispose, leaving the caller's stream open.
        using (var writer = new WaveFileWriter(output, WaveFormat.CreateIeeeFloatWaveFormat(format.SampleRate, format.Channels)))
        {
            // Whole frames per read, so that a provider that checks block alignment is never asked for a partial one.
            var buffer = new float[format.Channels * Math.Max(1, format.SampleRate / 10)];
            int read;
            while ((read = audio.Read(buffer)) > 0)
            {
                written += read;
                if (written > maxSamples)
                {
                    throw new ArgumentException(
                        $"the sample provider gave more than {limit.TotalSeconds:0.###} s of audio; bound it (e.g. with .Take(duration)) or pass a larger maxDuration",
                        nameof(audio));
                }

                writer.WriteSamples(buffer, 0, read);
            }
        }

        if (written == 0)
        {
            throw new ArgumentException("the sample provider gave no audio", nameof(audio));
        }

        return output.ToArray();
    }

    /// <summary>
    /// Reads <paramref name="audio"/> from its current position to its end into a float32 WAV file (any format that
    /// NAudio converts to samples: PCM 8/16/24/32-bit, IEEE float).
    /// </summary>
    public static byte[] Encode(WaveStream audio, TimeSpan? maxDuration = null)
    {
        ArgumentNullException.ThrowIfNull(audio);
        return Encode(audio.ToSampleProvider(), maxDuration);
    }
}
