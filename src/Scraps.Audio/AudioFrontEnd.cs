namespace Scraps.Audio;

/// <summary>Decode (any supported container) + downmix to mono + resample to 16 kHz: the audio half of the front end.</summary>
public static class AudioFrontEnd
{
    public const int SampleRate = 16000;

    public static float[] LoadMono16k(ReadOnlySpan<byte> data) => LoadMono16k(data, AudioDecoder.DefaultMaxDuration);

    public static float[] LoadMono16k(ReadOnlySpan<byte> data, TimeSpan maxDuration)
    {
        var clip = AudioDecoder.Decode(data, maxDuration);
        return ToMono16k(clip);
    }

    public static float[] LoadMono16kFile(string path) => LoadMono16kFile(path, AudioDecoder.DefaultMaxDuration);

    public static float[] LoadMono16kFile(string path, TimeSpan maxDuration)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return LoadMono16k(File.ReadAllBytes(path), maxDuration);
    }

    public static float[] ToMono16k(AudioClip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        return clip.SampleRate == SampleRate ? clip.Samples : Resampler.Resample(clip.Samples, clip.SampleRate, SampleRate);
    }
}
