using System.Numerics;

namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>Linear convolution through a radix-2 FFT (for long impulse responses, where direct convolution is slow).</summary>
internal static class FftConvolver
{
    /// <summary>The full convolution of <paramref name="signal"/> and <paramref name="kernel"/> (length n + m - 1).</summary>
    public static float[] Convolve(ReadOnlySpan<float> signal, ReadOnlySpan<float> kernel)
    {
        if (signal.Length == 0 || kernel.Length == 0)
        {
            return [];
        }

        var length = signal.Length + kernel.Length - 1;
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)length);
        var a = new Complex[size];
        var b = new Complex[size];
        for (var i = 0; i < signal.Length; i++)
        {
            a[i] = signal[i];
        }

        for (var i = 0; i < kernel.Length; i++)
        {
            b[i] = kernel[i];
        }

        Transform(a, inverse: false);
        Transform(b, inverse: false);
        for (var i = 0; i < size; i++)
        {
            a[i] *= b[i];
        }

        Transform(a, inverse: true);
        var result = new float[length];
        for (var i = 0; i < length; i++)
        {
            result[i] = (float)(a[i].Real / size);
        }

        return result;
    }

    /// <summary>In-place iterative radix-2 FFT (unscaled both ways).</summary>
    internal static void Transform(Complex[] data, bool inverse)
    {
        var n = data.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (data[i], data[j]) = (data[j], data[i]);
            }
        }

        for (var size = 2; size <= n; size <<= 1)
        {
            var angle = (inverse ? 2 : -2) * Math.PI / size;
            var step = new Complex(Math.Cos(angle), Math.Sin(angle));
            for (var start = 0; start < n; start += size)
            {
                var w = Complex.One;
                for (var k = 0; k < size / 2; k++)
                {
                    var even = data[start + k];
                    var odd = data[start + k + (size / 2)] * w;
                    data[start + k] = even + odd;
                    data[start + k + (size / 2)] = even - odd;
                    w *= step;
                }
            }
        }
    }
}
