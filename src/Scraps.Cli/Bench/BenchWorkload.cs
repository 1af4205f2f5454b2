using Scraps.Audio;

namespace Scraps.Cli.Bench;

/// <summary>One request of the load: a WAV clip and the transcript it is scored against.</summary>
internal sealed record BenchItem(byte[] Wav, string Transcript, double Seconds);

/// <summary>
/// A fixed, reproducible mix of clips (1 to 4 s, voiced-speech-like harmonics with a syllable-rate envelope) and
/// English transcripts of matching length, so that every run measures the same work.
/// </summary>
internal static class BenchWorkload
{
    private static readonly string[] Transcripts =
    [
        "Yes.",
        "Turn on the lights.",
        "What time is it in Paris?",
        "Alexa, end this call on my phone.",
        "Do I have any appointments on June nineteenth?",
        "Please remind me to buy milk, eggs and bread tomorrow morning.",
        "The quick brown fox jumps over the lazy dog near the river bank.",
        "Could you play the latest episode of my favourite podcast in the kitchen, please?",
    ];

    public static IReadOnlyList<BenchItem> Create(int count = 16, int seed = 1234)
    {
        var random = new Random(seed);
        var items = new BenchItem[count];
        for (var i = 0; i < count; i++)
        {
            var transcript = Transcripts[i % Transcripts.Length];
            var seconds = Math.Round(1.0 + (3.0 * (i % Transcripts.Length) / (Transcripts.Length - 1)) + (random.NextDouble() * 0.2), 2);
            items[i] = new BenchItem(WavWriter.ToPcm16Bytes(Voice(seconds, random), AudioFrontEnd.SampleRate), transcript, seconds);
        }

        return items;
    }

    private static float[] Voice(double seconds, Random random)
    {
        var rate = AudioFrontEnd.SampleRate;
        var samples = new float[(int)(seconds * rate)];
        var pitch = 100 + (random.NextDouble() * 120);
        for (var n = 0; n < samples.Length; n++)
        {
            var t = (double)n / rate;
            var envelope = 0.5 + (0.5 * Math.Sin(2 * Math.PI * 4 * t));
            double value = 0;
            for (var h = 1; h <= 8; h++)
            {
                value += Math.Sin(2 * Math.PI * pitch * h * t) / h;
            }

            samples[n] = (float)((0.15 * envelope * value) + (0.01 * ((random.NextDouble() * 2) - 1)));
        }

        return samples;
    }
}
