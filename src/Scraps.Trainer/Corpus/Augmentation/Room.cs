namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>Puts a clip in a room: convolution with the plan's image-source impulse response, at the dry clip's power.</summary>
internal static class Room
{
    public static float[] Apply(ReadOnlySpan<float> audio, int sampleRate, RoomPlan plan)
    {
        var response = RoomImpulseResponse.Generate(plan, sampleRate);
        var wet = FftConvolver.Convolve(audio, response);
        var dryPower = NoiseGenerator.Power(audio);
        var wetPower = NoiseGenerator.Power(wet.AsSpan(0, audio.Length));
        var gain = wetPower > 0 ? (float)Math.Sqrt(dryPower / wetPower) : 0f;
        for (var i = 0; i < wet.Length; i++)
        {
            wet[i] *= gain;
        }

        return wet;
    }
}
