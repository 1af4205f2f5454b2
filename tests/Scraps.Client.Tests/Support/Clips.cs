namespace Scraps.Client.Tests.Support;

/// <summary>Audio for requests, from tests/testdata.</summary>
internal static class Clips
{
    /// <summary>2.646 s of speech, 16 kHz PCM16.</summary>
    public static byte[] Speech => Read("speech_16k_pcm16.wav");

    /// <summary>Another recording (flite), for comparisons.</summary>
    public static byte[] Flite => Read("flite_16k_pcm16.wav");

    /// <summary>50 ms: shorter than the service's minimum.</summary>
    public static byte[] TooShort => Read("short_16k.wav");

    private static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "testdata", "audio", name));
}
