namespace Scraps.Audio;

/// <summary>
/// Streaming per-bin mean and standard deviation of raw log-mel frames (for the feature cache the trainer
/// builds): each clip's sums are taken in double and merged with Chan's parallel update of Welford's method.
/// The std is the population std, floored at <see cref="MinStd"/> so a constant bin cannot divide by zero.
/// Thread-safe: <see cref="Add"/> may be called from several threads.
/// </summary>
public sealed class FeatureStatistics
{
    public const float MinStd = 1e-3f;

    private readonly object gate = new();
    private readonly double[] mean = new double[LogMel.Bins];
    private readonly double[] m2 = new double[LogMel.Bins];
    private long frames;

    public long Frames
    {
        get
        {
            lock (gate)
            {
                return frames;
            }
        }
    }

    public void Add(LogMel raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.Frames == 0)
        {
            return;
        }

        var clipMean = new double[LogMel.Bins];
        var clipM2 = new double[LogMel.Bins];
        var data = raw.Data;
        for (var f = 0; f < raw.Frames; f++)
        {
            for (var b = 0; b < LogMel.Bins; b++)
            {
                clipMean[b] += data[f * LogMel.Bins + b];
            }
        }

        for (var b = 0; b < LogMel.Bins; b++)
        {
            clipMean[b] /= raw.Frames;
        }

        for (var f = 0; f < raw.Frames; f++)
        {
            for (var b = 0; b < LogMel.Bins; b++)
            {
                var d = data[f * LogMel.Bins + b] - clipMean[b];
                clipM2[b] += d * d;
            }
        }

        Merge(clipMean, clipM2, raw.Frames);
    }

    /// <summary>Folds another accumulator's frames into this one.</summary>
    public void Add(FeatureStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        double[] otherMean, otherM2;
        long otherFrames;
        lock (other.gate)
        {
            otherMean = (double[])other.mean.Clone();
            otherM2 = (double[])other.m2.Clone();
            otherFrames = other.frames;
        }

        if (otherFrames > 0)
        {
            Merge(otherMean, otherM2, otherFrames);
        }
    }

    public (float[] Mean, float[] Std) Compute()
    {
        lock (gate)
        {
            if (frames == 0)
            {
                throw new InvalidOperationException("feature statistics need at least one frame");
            }

            var meanOut = new float[LogMel.Bins];
            var stdOut = new float[LogMel.Bins];
            for (var b = 0; b < LogMel.Bins; b++)
            {
                meanOut[b] = (float)mean[b];
                stdOut[b] = Math.Max((float)Math.Sqrt(m2[b] / frames), MinStd);
            }

            return (meanOut, stdOut);
        }
    }

    private void Merge(double[] batchMean, double[] batchM2, long batchFrames)
    {
        lock (gate)
        {
            var total = frames + batchFrames;
            for (var b = 0; b < LogMel.Bins; b++)
            {
                var delta = batchMean[b] - mean[b];
                mean[b] += delta * batchFrames / total;
                m2[b] += batchM2[b] + delta * delta * frames * batchFrames / total;
            }

            frames = total;
        }
    }
}
