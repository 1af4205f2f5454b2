namespace Scraps.Audio;

/// <summary>Per-bin standardisation of raw log-mel frames: (x - mean[b]) / std[b], with the mean and std stored in
/// the model package. Immutable and thread-safe.</summary>
public sealed class FeatureStandardizer
{
    private readonly float[] _mean;
    private readonly float[] _inverseStd;

    public FeatureStandardizer(float[] mean, float[] std)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Length != LogMel.Bins || std.Length != LogMel.Bins)
        {
            throw new ArgumentException($"feature mean and std need {LogMel.Bins} values each (got {mean.Length} and {std.Length})");
        }

        for (var b = 0; b < LogMel.Bins; b++)
        {
            if (!float.IsFinite(mean[b]))
            {
                throw new ArgumentException($"feature mean[{b}] is {mean[b]}, not a finite number", nameof(mean));
            }

            if (!(std[b] > 0) || !float.IsFinite(std[b]))
            {
                throw new ArgumentException($"feature std[{b}] is {std[b]}, must be positive and finite", nameof(std));
            }
        }

        _mean = (float[])mean.Clone();
        _inverseStd = Array.ConvertAll(std, s => 1f / s);
    }

    public ReadOnlySpan<float> Mean => _mean;

    public LogMel Apply(LogMel raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var data = (float[])raw.Data.Clone();
        ApplyInPlace(data);
        return new LogMel(data, raw.Frames);
    }

    /// <summary>Standardises row-major [frames, 80] values in place.</summary>
    public void ApplyInPlace(Span<float> data)
    {
        if (data.Length % LogMel.Bins != 0)
        {
            throw new ArgumentException($"feature data length {data.Length} is not a multiple of {LogMel.Bins} bins", nameof(data));
        }

        for (var offset = 0; offset < data.Length; offset += LogMel.Bins)
        {
            var row = data.Slice(offset, LogMel.Bins);
            for (var b = 0; b < row.Length; b++)
            {
                row[b] = (row[b] - _mean[b]) * _inverseStd[b];
            }
        }
    }
}
