namespace Scraps.Model.Training;

/// <summary>
/// Robustness augmentation on standardised log-mel features, of the form of the paper's Eq. 3:
/// M' = (1 - α) M + α N, with N standard Gaussian noise or the features of another clip of the same batch (tiled
/// from a random offset to M's length, the other clip's padding never used), α uniform in (0, max α]. Each clip is
/// noised with probability <see cref="TrainingOptions.NoiseAugmentProbability"/>, else mixed with probability
/// <see cref="TrainingOptions.MixAugmentProbability"/>, else left as it is. Its transcript stays its own: the model
/// learns to score the dominant speech and to ignore speech or noise under it.
/// </summary>
internal sealed class FeatureMixing(TrainingOptions options, int melBins)
{
    /// <summary>
    /// Mixes the padded batch <paramref name="features"/> ([count, maxFrames, bins], frame-major per clip) in place;
    /// clip b has <paramref name="frames"/>[b] frames. What is mixed in is always another clip's unaugmented features.
    /// </summary>
    public void Apply(float[] features, int count, int maxFrames, IReadOnlyList<long> frames, DeterministicRandom random)
    {
        if (features.Length != count * maxFrames * melBins)
        {
            throw new ArgumentException($"Expected {count} x {maxFrames} x {melBins} values, got {features.Length}.", nameof(features));
        }

        if (frames.Count != count)
        {
            throw new ArgumentException($"Expected {count} clip lengths, got {frames.Count}.", nameof(frames));
        }

        var original = options.MixAugmentProbability > 0 && count > 1 ? (float[])features.Clone() : null;
        for (var b = 0; b < count; b++)
        {
            var length = (int)frames[b];
            var draw = random.NextDouble();
            var alpha = (float)(options.AugmentMaxAlpha * (1 - random.NextDouble()));
            var clip = features.AsSpan(b * maxFrames * melBins, length * melBins);
            if (draw < options.NoiseAugmentProbability)
            {
                for (var i = 0; i < clip.Length; i++)
                {
                    clip[i] = ((1 - alpha) * clip[i]) + (alpha * (float)NextGaussian(random));
                }
            }
            else if (draw < options.NoiseAugmentProbability + options.MixAugmentProbability && original is not null)
            {
                var other = random.Next(count - 1);
                other += other >= b ? 1 : 0;
                var otherFrames = (int)frames[other];
                if (otherFrames == 0)
                {
                    continue;
                }

                var offset = random.Next(otherFrames);
                var source = original.AsSpan(other * maxFrames * melBins, otherFrames * melBins);
                for (var f = 0; f < length; f++)
                {
                    var noise = source.Slice(((offset + f) % otherFrames) * melBins, melBins);
                    var target = clip.Slice(f * melBins, melBins);
                    for (var k = 0; k < melBins; k++)
                    {
                        target[k] = ((1 - alpha) * target[k]) + (alpha * noise[k]);
                    }
                }
            }
        }
    }

    /// <summary>A standard normal value (Box-Muller on the deterministic stream).</summary>
    private static double NextGaussian(DeterministicRandom random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
