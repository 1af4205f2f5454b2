namespace Scraps.Audio;

/// <summary>
/// Streaming per-bin mean and standard deviation of raw log-mel frames (for the feature cache the trainer
/// builds): each clip's sums are taken in double and merged with Chan's parallel update of Welford's method.
/// The std is the population std, floored at <see cref="MinStd"/> so a constant bin cannot divide by zero.
/// Thread-safe: <see cref="Add(LogMel)"/> may be called from several threads.
/// </summary>
public sealed class FeatureStatistics
{
    public const float MinStd = 1e-3f;

    private readonly object _gate = new();
    private readonly double[] _mean = new double[LogMel.Bins];
    private readonly double[] _m2 = new double[LogMel.Bins];
    private long _frames;

    public long Frames
    {
        get
        {
            lock (_gate)
            {
                return _frames;
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
        lock (other._gate)
        {
            otherMean = (double[])other._mean.Clone();
            otherM2 = (double[])other._m2.Clone();
            otherFrames = other._frames;
        }

        if (otherFrames > 0)
        {
            Merge(otherMean, otherM2, otherFrames);
        }
    }

    public (float[] Mean, float[] Std) Compute()
    {
        lock (_gate)
        {
            if (_frames == 0)
            {
                throw new InvalidOperationException("feature statistics need at least one frame");
            }

            var meanOut = new float[LogMel.Bins];
            var stdOut = new float[LogMel.Bins];
            for (var b = 0; b < LogMel.Bins; b++)
            {
                meanOut[b] = (float)_mean[b];
                stdOut[b] = Math.Max((float)Math.Sqrt(_m2[b] / _frames), MinStd);
            }

            return (meanOut, stdOut);
        }
    }

    private void Merge(double[] batchMean, double[] batchM2, long batchFrames)
    {
        lock (_gate)
        {
            var total = _frames + batchFrames;
            for (var b = 0; b < LogMel.Bins; b++)
            {
                var delta = batchMean[b] - _mean[b];
                _mean[b] += delta * batchFrames / total;
                _m2[b] += batchM2[b] + delta * delta * _frames * batchFrames / total;
            }

            _frames = total;
        }
    }
}
