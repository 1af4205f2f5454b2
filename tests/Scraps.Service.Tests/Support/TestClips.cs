using Scraps.Audio;

namespace Scraps.Service.Tests.Support;

/// <summary>Audio for requests: the shared test clips, and synthetic tones of any length.</summary>
internal static class TestClips
{
    public static byte[] Speech => Read("speech_16k_pcm16.wav");

    public static byte[] Flac => Read("flite_16k.flac");

    /// <summary>50 ms: shorter than the service's 100 ms minimum.</summary>
    public static byte[] TooShort => Read("short_16k.wav");

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "testdata", "audio", name));

    /// <summary>A 16 kHz PCM16 WAV of a 220 Hz tone.</summary>
    public static byte[] Tone(double seconds, int sampleRate = 16000)
    {
        var samples = new float[(int)(seconds * sampleRate)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = 0.2f * MathF.Sin(2 * MathF.PI * 220 * i / sampleRate);
        }

        return WavWriter.ToPcm16Bytes(samples, sampleRate);
    }
}
