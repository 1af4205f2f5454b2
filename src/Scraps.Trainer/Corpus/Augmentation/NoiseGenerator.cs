using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>Seeded white, pink, brown and hum noise, and mixing noise into speech at a signal-to-noise ratio.</summary>
internal static class NoiseGenerator
{
    public static float[] White(int length, long seed)
    {
        var random = new SeededRandom((ulong)seed);
        var noise = new float[length];
        for (var i = 0; i < length; i++)
        {
            noise[i] = (float)random.Gaussian();
        }

        return noise;
    }

    /// <summary>Pink (1/f) noise: white noise through Paul Kellet's refined pinking filter.</summary>
    public static float[] Pink(int length, long seed)
    {
        var white = White(length, seed);
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
        for (var i = 0; i < length; i++)
        {
            double w = white[i];
            b0 = (0.99886 * b0) + (w * 0.0555179);
            b1 = (0.99332 * b1) + (w * 0.0750759);
            b2 = (0.96900 * b2) + (w * 0.1538520);
            b3 = (0.86650 * b3) + (w * 0.3104856);
            b4 = (0.55000 * b4) + (w * 0.5329522);
            b5 = (-0.7616 * b5) - (w * 0.0168980);
            white[i] = (float)(b0 + b1 + b2 + b3 + b4 + b5 + b6 + (w * 0.5362));
            b6 = w * 0.115926;
        }

        return white;
    }

    /// <summary>Brown (1/f^2) noise: integrated white noise, with a slight leak so it cannot drift away, then centred.</summary>
    public static float[] Brown(int length, long seed)
    {
        var white = White(length, seed);
        double level = 0;
        double sum = 0;
        for (var i = 0; i < length; i++)
        {
            level = (0.998 * level) + (0.05 * white[i]);
            white[i] = (float)level;
            sum += level;
        }

        var mean = length > 0 ? (float)(sum / length) : 0f;
        for (var i = 0; i < length; i++)
        {
            white[i] -= mean;
        }

        return white;
    }

    /// <summary>
    /// Mains hum: 50 or 60 Hz and its first harmonics with random levels and phases (a ground loop or a transformer
    /// near the microphone), over faint white noise so it is never a pure tone.
    /// </summary>
    public static float[] Hum(int length, int sampleRate, long seed)
    {
        var random = new SeededRandom((ulong)seed);
        var mains = random.Chance(0.5) ? 50.0 : 60.0;
        var harmonics = Enumerable.Range(1, 6).Select(h => (Amplitude: random.Uniform(0.05, 1) / h, Phase: random.Uniform(0, 2 * Math.PI))).ToArray();
        var noise = White(length, random.NextSeed());
        for (var i = 0; i < length; i++)
        {
            double sample = 0.02 * noise[i];
            for (var h = 0; h < harmonics.Length; h++)
            {
                sample += harmonics[h].Amplitude * Math.Sin((2 * Math.PI * mains * (h + 1) * i / sampleRate) + harmonics[h].Phase);
            }

            noise[i] = (float)sample;
        }

        return noise;
    }

    /// <summary>
    /// Adds <paramref name="noise"/> to <paramref name="audio"/> in place, scaled so that its power is
    /// <paramref name="snrDb"/> below <paramref name="speechPower"/>. Silent noise leaves the audio unchanged.
    /// </summary>
    public static void Mix(Span<float> audio, ReadOnlySpan<float> noise, double speechPower, double snrDb)
    {
        var noisePower = Power(noise[..Math.Min(noise.Length, audio.Length)]);
        if (noisePower <= 0 || speechPower <= 0)
        {
            return;
        }

        var gain = (float)Math.Sqrt(speechPower / (noisePower * Math.Pow(10, snrDb / 10)));
        for (var i = 0; i < audio.Length && i < noise.Length; i++)
        {
            audio[i] += gain * noise[i];
        }
    }

    /// <summary>Mean square of the samples.</summary>
    public static double Power(ReadOnlySpan<float> samples)
    {
        if (samples.Length == 0)
        {
            return 0;
        }

        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return sum / samples.Length;
    }
}
