using Scraps.Audio;

namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>
/// Applies an <see cref="AugmentationPlan"/> to one 16 kHz clip in the order of a recording chain: the voice
/// (formant factor, speed, tempo, pitch), the talker's breath and silences, the room, the background (noise and
/// babble, mixed at their SNR against the speech in the room), the microphone and recorder (EQ, compression, band
/// limit in one sox chain; clipping), the channel (telephone line, codec), and the output level.
/// </summary>
internal sealed class Augmenter(BabbleBank? babble)
{
    private const int Rate = AudioFormat.SampleRate;

    public async Task<AugmentedAudio> ApplyAsync(float[] audio, AugmentationPlan plan, CancellationToken cancellationToken)
    {
        var output = audio;
        var speed = plan.Formant * plan.Speed;
        if (speed != 1)
        {
            // Played back `speed` times faster: read as if recorded at Rate * speed, resampled to Rate. For the formant
            // factor the synthesizer already spoke slower and lower by it (SynthesisSettings.ForEngine), so only the
            // formants move.
            output = Resampler.Resample(output, (int)Math.Round(Rate * speed), Rate);
        }

        output = await SoxEffects.TempoAndPitchAsync(output, Rate, plan.Tempo, plan.PitchSemitones, cancellationToken).ConfigureAwait(false);
        // Speed and tempo stretch time uniformly: measured on the lengths, so the phone times follow what sox did.
        var timeScale = audio.Length > 0 ? (double)output.Length / audio.Length : 1;
        var speechPower = NoiseGenerator.Power(output);
        var speechLength = output.Length;
        var lead = (int)(plan.LeadSilence * Rate);
        float[]? breath = null;
        if (plan.Breath is { } breathPlan)
        {
            breath = Breath.Generate(breathPlan, Rate, speechPower);
            lead = Math.Max(lead, breath.Length + (int)(breathPlan.GapSeconds * Rate));
        }

        if (lead > 0 || plan.TrailSilence > 0)
        {
            var padded = new float[lead + output.Length + (int)(plan.TrailSilence * Rate)];
            output.CopyTo(padded, lead);
            breath?.CopyTo(padded, lead - breath.Length - (int)(plan.Breath!.GapSeconds * Rate));
            output = padded;
        }

        if (plan.Room is { } room)
        {
            output = Room.Apply(output, Rate, room);
        }

        // The SNR is against the speech where it sounds (its span in the room), not diluted by the silences around it.
        var span = output.AsSpan(lead, Math.Min(speechLength, output.Length - lead));
        speechPower = NoiseGenerator.Power(span);
        if (plan.Noise is { } noise)
        {
            var samples = noise.Kind switch
            {
                NoisePlan.White => NoiseGenerator.White(output.Length, noise.Seed),
                NoisePlan.Pink => NoiseGenerator.Pink(output.Length, noise.Seed),
                NoisePlan.Brown => NoiseGenerator.Brown(output.Length, noise.Seed),
                NoisePlan.Hum => NoiseGenerator.Hum(output.Length, Rate, noise.Seed),
                _ => throw new InvalidOperationException($"noise '{noise.Kind}' is not known (known: {string.Join(", ", NoisePlan.Kinds)})"),
            };
            NoiseGenerator.Mix(output, samples, speechPower, noise.SnrDb);
        }

        if (plan.Babble is { } babblePlan)
        {
            if (babble is null)
            {
                throw new InvalidOperationException("babble was planned but no babble bank is available");
            }

            var samples = await babble.SegmentAsync(babblePlan.Track, output.Length, babblePlan.Seed, cancellationToken).ConfigureAwait(false);
            NoiseGenerator.Mix(output, samples, speechPower, babblePlan.SnrDb);
        }

        output = await SoxEffects.RunAsync(output, Rate, ChannelEffects.Arguments(plan), cancellationToken).ConfigureAwait(false);
        if (plan.ClippedShare > 0)
        {
            Clipping.Apply(output, plan.ClippedShare);
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
        return new AugmentedAudio(output, timeScale, (double)lead / Rate);
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

/// <summary>
/// An augmented clip and how its time relates to the synthesizer's: a moment t seconds into the synthesized clip
/// sounds at <c>t * TimeScale + LeadSeconds</c> (speed and tempo stretch, the silence or breath put before it). The
/// room, filters and codecs do not move speech by more than a few milliseconds.
/// </summary>
internal sealed record AugmentedAudio(float[] Samples, double TimeScale, double LeadSeconds)
{
    public double Map(double seconds) => (seconds * TimeScale) + LeadSeconds;
}
