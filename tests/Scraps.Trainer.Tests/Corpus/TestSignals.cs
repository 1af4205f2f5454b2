namespace Scraps.Trainer.Tests.Corpus;

/// <summary>Synthetic test signals and simple measurements.</summary>
internal static class TestSignals
{
    public static float[] Sine(double frequency, double seconds, int rate = 16000, double amplitude = 0.5)
    {
        var samples = new float[(int)(seconds * rate)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / rate));
        }

        return samples;
    }

    public static double Rms(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return samples.Length == 0 ? 0 : Math.Sqrt(sum / samples.Length);
    }

    /// <summary>Amplitude of one frequency component (single-bin DFT), for tone-level checks.</summary>
    public static double ToneAmplitude(ReadOnlySpan<float> samples, double frequency, int rate = 16000)
    {
        double re = 0, im = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            var angle = 2 * Math.PI * frequency * i / rate;
            re += samples[i] * Math.Cos(angle);
            im -= samples[i] * Math.Sin(angle);
        }

        return 2 * Math.Sqrt((re * re) + (im * im)) / samples.Length;
    }
}
