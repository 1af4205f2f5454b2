using Scraps.Audio;

namespace Scraps.Cli.Eval;

/// <summary>
/// The paper's robustness corruptions (section 4.3, Eq. 3) on STANDARDISED log-mel spectrograms:
/// M' = (1 - α) M + α N, where N is standard Gaussian noise ("gaussian") or the standardised spectrogram of another
/// clip, cropped at a random offset or tiled to M's length ("mix"). The input is never changed.
/// </summary>
internal static class SpectrogramCorruption
{
    /// <summary>M' = (1 - α) M + α N with N ~ N(0, 1) drawn independently for every value.</summary>
    public static LogMel Gaussian(LogMel features, double alpha, Random random)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(random);
        CheckAlpha(alpha);
        var source = features.Data;
        var data = new float[source.Length];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)(((1 - alpha) * source[i]) + (alpha * random.NextGaussian()));
        }

        return new LogMel(data, features.Frames);
    }

    /// <summary>
    /// M' = (1 - α) M + α N with N the frames of <paramref name="other"/>: when it is longer than M, the frames from a
    /// random offset; when shorter, repeated from its start until M's length is filled.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="other"/> has no frames.</exception>
    public static LogMel Mix(LogMel features, LogMel other, double alpha, Random random)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(random);
        CheckAlpha(alpha);
        if (other.Frames == 0)
        {
            throw new ArgumentException("the spectrogram mixed in has no frames", nameof(other));
        }

        const int bins = LogMel.Bins;
        var offset = other.Frames > features.Frames ? random.Next(other.Frames - features.Frames + 1) : 0;
        var data = new float[features.Data.Length];
        for (var frame = 0; frame < features.Frames; frame++)
        {
            var source = features.Data.AsSpan(frame * bins, bins);
            var noise = other.Data.AsSpan(((offset + frame) % other.Frames) * bins, bins);
            var target = data.AsSpan(frame * bins, bins);
            for (var b = 0; b < bins; b++)
            {
                target[b] = (float)(((1 - alpha) * source[b]) + (alpha * noise[b]));
            }
        }

        return new LogMel(data, features.Frames);
    }

    private static void CheckAlpha(double alpha)
    {
        if (!(alpha >= 0 && alpha <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "the mixing weight α is a fraction in [0, 1]");
        }
    }
}
