namespace Scraps.Audio.Tests.Support;

internal static class Metrics
{
    public static double MaxAbsError(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        double max = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            max = Math.Max(max, Math.Abs((double)actual[i] - expected[i]));
        }

        return max;
    }

    /// <summary>10 log10(sum(expected^2) / sum((actual - expected)^2)).</summary>
    public static double SnrDb(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        double signal = 0, noise = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            signal += (double)expected[i] * expected[i];
            var d = (double)actual[i] - expected[i];
            noise += d * d;
        }

        return noise == 0 ? double.PositiveInfinity : 10 * Math.Log10(signal / noise);
    }

    public static double Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (var v in x)
        {
            sum += (double)v * v;
        }

        return x.Length == 0 ? 0 : Math.Sqrt(sum / x.Length);
    }

    public static float[] Sine(double frequency, int sampleRate, int samples, double amplitude = 0.5)
    {
        var x = new float[samples];
        for (var i = 0; i < samples; i++)
        {
            x[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return x;
    }
}
