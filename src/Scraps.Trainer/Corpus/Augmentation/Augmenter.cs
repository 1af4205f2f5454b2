using Scraps.Audio;

namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>Applies an <see cref="AugmentationPlan"/> to one 16 kHz clip (see the plan for the order).</summary>
internal sealed class Augmenter(BabbleBank? babble)
{
    private const int Rate = AudioFormat.SampleRate;

    public async Task<float[]> ApplyAsync(float[] audio, AugmentationPlan plan, CancellationToken cancellationToken)
    {
        var output = audio;
        if (plan.Speed != 1)
        {
            // Played back `Speed` times faster: read as if recorded at Rate * Speed, resampled to Rate.
            output = Resampler.Resample(output, (int)Math.Round(Rate * plan.Speed), Rate);
        }

        output = await SoxEffects.TempoAndPitchAsync(output, Rate, plan.Tempo, plan.PitchSemitones, cancellationToken).ConfigureAwait(false);
        if (plan.Reverb is { } reverb)
        {
            output = Reverb.Apply(output, Rate, reverb);
        }

        var speechPower = NoiseGenerator.Power(output);
        if (plan.LeadSilence > 0 || plan.TrailSilence > 0)
        {
            var lead = (int)(plan.LeadSilence * Rate);
            var padded = new float[lead + output.Length + (int)(plan.TrailSilence * Rate)];
            output.CopyTo(padded, lead);
            output = padded;
        }

        if (plan.Noise is { } noise)
        {
            var samples = noise.Kind switch
            {
                NoisePlan.White => NoiseGenerator.White(output.Length, noise.Seed),
                NoisePlan.Pink => NoiseGenerator.Pink(output.Length, noise.Seed),
                NoisePlan.Babble when babble is not null => await babble.SegmentAsync(noise.BabbleTrack, output.Length, noise.Seed, cancellationToken).ConfigureAwait(false),
                _ => throw new InvalidOperationException($"noise '{noise.Kind}' is not available"),
            };
            NoiseGenerator.Mix(output, samples, speechPower, noise.SnrDb);
        }

        if (plan.Telephone)
        {
            output = TelephoneChannel.Apply(output, Rate);
        }

        if (plan.Codec is { } codec)
        {
            output = await CodecRoundTrip.ApplyAsync(output, Rate, codec, cancellationToken).ConfigureAwait(false);
        }

        Normalize(output, plan.PeakLevel);
        return output;
    }

    /// <summary>Scales to the given peak; rejects audio that is silent or not finite.</summary>
    internal static void Normalize(Span<float> audio, double peakLevel)
    {
        var peak = 0f;
        foreach (var s in audio)
        {
            if (!float.IsFinite(s))
            {
                throw new InvalidDataException("augmentation produced a non-finite sample");
            }

            peak = Math.Max(peak, Math.Abs(s));
        }

        if (peak <= 1e-6f)
        {
            throw new InvalidDataException("the synthesized clip is silent");
        }

        var gain = (float)(peakLevel / peak);
        for (var i = 0; i < audio.Length; i++)
        {
            audio[i] *= gain;
        }
    }
}
