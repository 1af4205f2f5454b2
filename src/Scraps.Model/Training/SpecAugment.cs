namespace Scraps.Model.Training;

/// <summary>
/// SpecAugment-style masking of standardised log-mel features (Park et al. 2019, without time warping):
/// a few time spans and frequency bands are set to 0, the per-bin mean after standardisation.
/// </summary>
internal sealed class SpecAugment(TrainingOptions options, int melBins)
{
    /// <summary>Masks <paramref name="features"/> (frames x bins, frame-major) in place.</summary>
    public void Apply(Span<float> features, int frames, DeterministicRandom random)
    {
        if (features.Length != frames * melBins)
        {
            throw new ArgumentException($"Expected {frames} x {melBins} = {frames * melBins} values, got {features.Length}.", nameof(features));
        }

        var maxWidth = Math.Min(options.TimeMaskMaxFrames, frames / 5);
        for (var m = 0; m < options.TimeMasks && maxWidth > 0; m++)
        {
            var width = random.NextInclusive(0, maxWidth);
            var start = random.Next(frames - width + 1);
            features.Slice(start * melBins, width * melBins).Clear();
        }
        for (var m = 0; m < options.FrequencyMasks && options.FrequencyMaskMaxBins > 0; m++)
        {
            var width = random.NextInclusive(0, Math.Min(options.FrequencyMaskMaxBins, melBins));
            var start = random.Next(melBins - width + 1);
            for (var f = 0; f < frames; f++)
            {
                features.Slice(f * melBins + start, width).Clear();
            }
        }
    }
}
