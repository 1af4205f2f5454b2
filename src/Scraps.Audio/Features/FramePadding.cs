namespace Scraps.Audio.Features;

/// <summary>
/// Builds the padded signal the frames are cut from: the samples (NaN/Inf replaced by 0, values clipped to
/// +-<see cref="MaxMagnitude"/>) with <c>pad</c> samples either side, by reflection (numpy/torch "reflect", the edge sample
/// not repeated) or zeros. A signal shorter than the padding is reflected back and forth as often as needed
/// (numpy's behaviour; torch refuses such input), so any non-empty signal can be framed.
/// </summary>
internal static class FramePadding
{
    /// <summary>80 dB above full scale: keeps the FFT finite whatever the input holds.</summary>
    public const float MaxMagnitude = 10_000f;

    public static void Fill(ReadOnlySpan<float> samples, int pad, bool reflect, Span<float> destination)
    {
        var n = samples.Length;
        if (n == 0)
        {
            throw new ArgumentException("cannot pad an empty signal", nameof(samples));
        }

        if (destination.Length != n + 2 * pad)
        {
            throw new ArgumentException($"destination must hold {n + 2 * pad} samples", nameof(destination));
        }

        var body = destination.Slice(pad, n);
        for (var i = 0; i < n; i++)
        {
            body[i] = Clean(samples[i]);
        }

        for (var i = 0; i < pad; i++)
        {
            destination[pad - 1 - i] = reflect ? body[ReflectIndex(-1 - i, n)] : 0f;
            destination[pad + n + i] = reflect ? body[ReflectIndex(n + i, n)] : 0f;
        }
    }

    /// <summary>Index into a length-n signal for position i under repeated reflection about the end samples.</summary>
    public static int ReflectIndex(long i, int n)
    {
        if (n == 1)
        {
            return 0;
        }

        long period = 2L * (n - 1);
        var m = i % period;
        if (m < 0)
        {
            m += period;
        }

        return (int)(m < n ? m : period - m);
    }

    public static float Clean(float x) => float.IsFinite(x) ? Math.Clamp(x, -MaxMagnitude, MaxMagnitude) : 0f;
}
