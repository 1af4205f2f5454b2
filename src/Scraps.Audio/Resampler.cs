using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.InteropServices;
using Scraps.Audio.Resampling;

namespace Scraps.Audio;

/// <summary>
/// Band-limited resampling between any two integer rates: a Hann-windowed sinc polyphase filter over the
/// gcd-reduced ratio, the same kernel and output length (ceil(n * to / from)) as torchaudio.functional.resample
/// with its defaults. Thread-safe; filter tables are cached per rate pair.
/// </summary>
public static class Resampler
{
    public const int MaxRate = 1_000_000;
    private const int MaxCachedFilters = 64;
    private static readonly ConcurrentDictionary<(int From, int To), PolyphaseFilter> Filters = new();

    public static float[] Resample(ReadOnlySpan<float> input, int fromRate, int toRate)
    {
        if (fromRate <= 0 || fromRate > MaxRate)
        {
            throw new ArgumentOutOfRangeException(nameof(fromRate), fromRate, $"sample rate must be 1 to {MaxRate} Hz");
        }

        if (toRate <= 0 || toRate > MaxRate)
        {
            throw new ArgumentOutOfRangeException(nameof(toRate), toRate, $"sample rate must be 1 to {MaxRate} Hz");
        }

        if (fromRate == toRate)
        {
            return input.ToArray();
        }

        var filter = GetFilter(fromRate, toRate);
        var outputLength = ((long)filter.Phases * input.Length + filter.InputStep - 1) / filter.InputStep;

        if (outputLength > Array.MaxLength)
        {
            throw new ArgumentException($"resampling {input.Length} samples from {fromRate} to {toRate} Hz gives more samples than an array holds", nameof(input));
        }

        var output = new float[outputLength];
        if (outputLength == 0)
        {
            return output;
        }

        var maxStart = 0;
        foreach (var s in filter.Start)
        {
            maxStart = Math.Max(maxStart, s);
        }

        var lastBlock = (outputLength - 1) / filter.Phases;
        var paddedLength = Math.Max(lastBlock * filter.InputStep + maxStart + filter.Taps, (long)filter.Width + input.Length);
        // The padded copy of the input is as long as the input: borrowed from the decode pool, zeroed where it pads.
        var padded = DecodeBuffers.Pool.Rent((int)paddedLength);
        try
        {
            padded.AsSpan(0, filter.Width).Clear();
            input.CopyTo(padded.AsSpan(filter.Width));
            padded.AsSpan(filter.Width + input.Length, (int)paddedLength - filter.Width - input.Length).Clear();
            Run(filter, padded, output);
        }
        finally
        {
            DecodeBuffers.Pool.Return(padded);
        }

        return output;
    }

    internal static PolyphaseFilter GetFilter(int fromRate, int toRate)
    {
        if (Filters.TryGetValue((fromRate, toRate), out var cached))
        {
            return cached;
        }

        var filter = PolyphaseFilter.Create(fromRate, toRate);
        if (Filters.Count < MaxCachedFilters)
        {
            Filters.TryAdd((fromRate, toRate), filter);
        }

        return filter;
    }

    private static void Run(PolyphaseFilter filter, float[] padded, float[] output)
    {
        var taps = filter.Taps;
        var phases = filter.Phases;
        var coefficients = filter.Coefficients;
        var start = filter.Start;
        long blockOffset = 0;
        var p = 0;
        for (long j = 0; j < output.Length; j++)
        {
            var x = padded.AsSpan((int)(blockOffset + start[p]), taps);
            var c = coefficients.AsSpan((int)((long)p * taps), taps);
            output[j] = Dot(x, c);
            if (++p == phases)
            {
                p = 0;
                blockOffset += filter.InputStep;
            }
        }
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var i = 0;
        var sum = 0f;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            var acc = Vector<float>.Zero;
            for (var v = 0; v < va.Length; v++)
            {
                acc += va[v] * vb[v];
            }

            sum = Vector.Sum(acc);
            i = va.Length * Vector<float>.Count;
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
