using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Scraps.Audio.Features;

/// <summary>
/// Real FFT of size N for a batch of <see cref="Vector{T}.Count"/> frames at once, one frame per SIMD lane:
/// the N real samples are packed as N/2 complex values z[n] = x[2n] + i x[2n+1], transformed by an in-place
/// radix-2 decimation-in-time FFT (input in bit-reversed order, twiddles precomputed per stage) and split into
/// the N/2 + 1 bins of the real spectrum. Nothing is allocated per call; the caller owns the buffers.
/// </summary>
internal sealed class BatchedRealFft
{
    private readonly float[] _stageCos;
    private readonly float[] _stageSin;
    private readonly float[] _splitCos;
    private readonly float[] _splitSin;

    public BatchedRealFft(int size)
    {
        if (size < 4 || (size & (size - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "FFT size must be a power of two, at least 4");
        }

        Size = size;
        Half = size / 2;
        BitReverse = BuildBitReverse(Half);

        _stageCos = new float[Math.Max(Half - 1, 1)];
        _stageSin = new float[Math.Max(Half - 1, 1)];
        for (var h = 1; h < Half; h <<= 1)
        {
            for (var j = 0; j < h; j++)
            {
                var angle = -Math.PI * j / h;
                _stageCos[h - 1 + j] = (float)Math.Cos(angle);
                _stageSin[h - 1 + j] = (float)Math.Sin(angle);
            }
        }

        _splitCos = new float[Half + 1];
        _splitSin = new float[Half + 1];
        for (var k = 0; k <= Half; k++)
        {
            var angle = -2 * Math.PI * k / size;
            _splitCos[k] = (float)Math.Cos(angle);
            _splitSin[k] = (float)Math.Sin(angle);
        }
    }

    public static int Lanes => Vector<float>.Count;

    public int Size { get; }

    public int Half { get; }

    /// <summary>Bit-reversal permutation of the N/2 complex points: load z[n] at BitReverse[n].</summary>
    public int[] BitReverse { get; }

    /// <summary>In-place complex FFT of <paramref name="re"/> + i <paramref name="im"/> (each N/2 vectors, bit-reversed order in).</summary>
    public void Transform(Span<Vector<float>> re, Span<Vector<float>> im)
    {
        if (re.Length != Half || im.Length != Half)
        {
            throw new ArgumentException($"FFT buffers must hold {Half} vectors");
        }

        ref var r = ref MemoryMarshal.GetReference(re);
        ref var i = ref MemoryMarshal.GetReference(im);

        for (var k = 0; k < Half; k += 2)
        {
            var ar = Unsafe.Add(ref r, k);
            var ai = Unsafe.Add(ref i, k);
            var br = Unsafe.Add(ref r, k + 1);
            var bi = Unsafe.Add(ref i, k + 1);
            Unsafe.Add(ref r, k) = ar + br;
            Unsafe.Add(ref i, k) = ai + bi;
            Unsafe.Add(ref r, k + 1) = ar - br;
            Unsafe.Add(ref i, k + 1) = ai - bi;
        }

        for (var h = 2; h < Half; h <<= 1)
        {
            var span = h << 1;
            for (var j = 0; j < h; j++)
            {
                var wr = new Vector<float>(_stageCos[h - 1 + j]);
                var wi = new Vector<float>(_stageSin[h - 1 + j]);
                for (var a = j; a < Half; a += span)
                {
                    var b = a + h;
                    var br = Unsafe.Add(ref r, b);
                    var bi = Unsafe.Add(ref i, b);
                    var tr = br * wr - bi * wi;
                    var ti = br * wi + bi * wr;
                    var ar = Unsafe.Add(ref r, a);
                    var ai = Unsafe.Add(ref i, a);
                    Unsafe.Add(ref r, a) = ar + tr;
                    Unsafe.Add(ref i, a) = ai + ti;
                    Unsafe.Add(ref r, b) = ar - tr;
                    Unsafe.Add(ref i, b) = ai - ti;
                }
            }
        }
    }

    /// <summary>Splits the transformed half-size complex spectrum into the N/2 + 1 real-input bins and writes
    /// |X[k]| (power 1) or |X[k]|^2 (power 2) to <paramref name="output"/>.</summary>
    public void Spectrum(ReadOnlySpan<Vector<float>> re, ReadOnlySpan<Vector<float>> im, Span<Vector<float>> output, bool power)
    {
        if (re.Length != Half || im.Length != Half || output.Length != Half + 1)
        {
            throw new ArgumentException($"spectrum buffers must hold {Half}, {Half} and {Half + 1} vectors");
        }

        ref var r = ref MemoryMarshal.GetReference(re);
        ref var i = ref MemoryMarshal.GetReference(im);
        ref var o = ref MemoryMarshal.GetReference(output);
        var halfV = new Vector<float>(0.5f);

        var dc = r + i;
        var nyquist = r - i;
        o = power ? dc * dc : Vector.Abs(dc);
        Unsafe.Add(ref o, Half) = power ? nyquist * nyquist : Vector.Abs(nyquist);

        for (var k = 1; k < Half; k++)
        {
            var ar = Unsafe.Add(ref r, k);
            var ai = Unsafe.Add(ref i, k);
            var br = Unsafe.Add(ref r, Half - k);
            var bi = Unsafe.Add(ref i, Half - k);
            var er = (ar + br) * halfV;
            var ei = (ai - bi) * halfV;
            var or = (ai + bi) * halfV;
            var oi = (br - ar) * halfV;
            var c = new Vector<float>(_splitCos[k]);
            var s = new Vector<float>(_splitSin[k]);
            var xr = er + c * or - s * oi;
            var xi = ei + c * oi + s * or;
            var p = xr * xr + xi * xi;
            Unsafe.Add(ref o, k) = power ? p : Vector.SquareRoot(p);
        }
    }

    private static int[] BuildBitReverse(int n)
    {
        var bits = BitOperations.Log2((uint)n);
        var table = new int[n];
        for (var k = 0; k < n; k++)
        {
            var reversed = 0;
            for (var b = 0; b < bits; b++)
            {
                reversed |= ((k >> b) & 1) << (bits - 1 - b);
            }

            table[k] = reversed;
        }

        return table;
    }
}
