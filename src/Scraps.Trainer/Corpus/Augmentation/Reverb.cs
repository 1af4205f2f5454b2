using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>
/// Synthetic room reverberation: the direct sound plus a tail of Gaussian noise whose amplitude decays by 60 dB
/// over RT60 (an exponentially decaying impulse response), mixed with the dry signal by the wet share. The
/// output keeps the dry signal's power and gains the reverberant tail at its end.
/// </summary>
internal static class Reverb
{
    public static float[] Apply(ReadOnlySpan<float> audio, int sampleRate, ReverbPlan plan)
    {
        var response = ImpulseResponse(sampleRate, plan.Rt60, plan.Seed);
        var wet = FftConvolver.Convolve(audio, response);
        var dryPower = NoiseGenerator.Power(audio);
        var wetPower = NoiseGenerator.Power(wet);
        var wetGain = wetPower > 0 ? Math.Sqrt(dryPower / wetPower) : 0;
        var output = new float[wet.Length];
        for (var i = 0; i < output.Length; i++)
        {
            var dry = i < audio.Length ? audio[i] : 0f;
            output[i] = (float)(((1 - plan.Wet) * dry) + (plan.Wet * wetGain * wet[i]));
        }

        return output;
    }

    /// <summary>h[0] = 1 (direct path), then noise * exp(-6.908 t / RT60) for RT60 seconds (at most 1 s).</summary>
    internal static float[] ImpulseResponse(int sampleRate, double rt60, long seed)
    {
        var length = Math.Max(2, (int)(Math.Min(rt60, 1.0) * sampleRate));
        var random = new SeededRandom((ulong)seed);
        var response = new float[length];
        response[0] = 1f;
        var decay = -6.908 / (rt60 * sampleRate);
        for (var i = 1; i < length; i++)
        {
            response[i] = (float)(0.3 * random.Gaussian() * Math.Exp(decay * i));
        }

        return response;
    }
}
