using Scraps.Audio;

namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>
/// A narrow-band telephone line: down to 8 kHz, band-pass 300-3400 Hz (two high-pass and two low-pass
/// sections), G.711 mu-law quantisation, and back up to 16 kHz.
/// </summary>
internal static class TelephoneChannel
{
    private const int PhoneRate = 8000;
    private const double Mu = 255;

    public static float[] Apply(ReadOnlySpan<float> audio, int sampleRate)
    {
        var narrow = Resampler.Resample(audio, sampleRate, PhoneRate);
        foreach (var filter in new[]
        {
            Biquad.HighPass(300, PhoneRate), Biquad.HighPass(300, PhoneRate), Biquad.LowPass(3400, PhoneRate), Biquad.LowPass(3400, PhoneRate),
        })
        {
            filter.Process(narrow);
        }

        var peak = narrow.Length == 0 ? 0 : narrow.Max(MathF.Abs);
        var scale = peak > 0 ? 1 / peak : 1;
        for (var i = 0; i < narrow.Length; i++)
        {
            narrow[i] = MuLawRoundTrip(narrow[i] * scale) / scale;
        }

        return Resampler.Resample(narrow, PhoneRate, sampleRate);
    }

    /// <summary>Compresses with mu-law, quantises to 8 bits, and expands.</summary>
    internal static float MuLawRoundTrip(float x)
    {
        var clipped = Math.Clamp(x, -1f, 1f);
        var compressed = Math.Sign(clipped) * Math.Log(1 + (Mu * Math.Abs(clipped))) / Math.Log(1 + Mu);
        var quantised = Math.Round(compressed * 127) / 127;
        return (float)(Math.Sign(quantised) * (Math.Pow(1 + Mu, Math.Abs(quantised)) - 1) / Mu);
    }
}
