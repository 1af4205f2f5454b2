using System.Numerics;
using System.Runtime.InteropServices;
using Scraps.Audio.Features;

namespace Scraps.Audio.Tests.Features;

public sealed class BatchedRealFftTests
{
    [Theory]
    [InlineData(16, 1)]
    [InlineData(16, 2)]
    [InlineData(1024, 1)]
    [InlineData(1024, 2)]
    public void Each_lane_matches_a_direct_dft(int size, int power)
    {
        var fft = new BatchedRealFft(size);
        var lanes = BatchedRealFft.Lanes;
        var random = new Random(size + power);
        var signals = new double[lanes][];
        var re = new Vector<float>[size / 2];
        var im = new Vector<float>[size / 2];
        var reLanes = MemoryMarshal.Cast<Vector<float>, float>(re.AsSpan());
        var imLanes = MemoryMarshal.Cast<Vector<float>, float>(im.AsSpan());
        for (var lane = 0; lane < lanes; lane++)
        {
            signals[lane] = new double[size];
            for (var n = 0; n < size; n++)
            {
                signals[lane][n] = (float)(random.NextDouble() * 2 - 1);
            }

            for (var n = 0; n < size / 2; n++)
            {
                reLanes[fft.BitReverse[n] * lanes + lane] = (float)signals[lane][2 * n];
                imLanes[fft.BitReverse[n] * lanes + lane] = (float)signals[lane][2 * n + 1];
            }
        }

        var cos = Enumerable.Range(0, size).Select(m => Math.Cos(-2 * Math.PI * m / size)).ToArray();
        var sin = Enumerable.Range(0, size).Select(m => Math.Sin(-2 * Math.PI * m / size)).ToArray();
        var spectrum = new Vector<float>[size / 2 + 1];
        fft.Transform(re, im);
        fft.Spectrum(re, im, spectrum, power == 2);

        for (var lane = 0; lane < lanes; lane++)
        {
            for (var k = 0; k <= size / 2; k++)
            {
                double xr = 0, xi = 0;
                for (var n = 0; n < size; n++)
                {
                    xr += signals[lane][n] * cos[k * n % size];
                    xi += signals[lane][n] * sin[k * n % size];
                }

                var magnitude = Math.Sqrt(xr * xr + xi * xi);
                var expected = power == 2 ? magnitude * magnitude : magnitude;
                Assert.True(Math.Abs(spectrum[k][lane] - expected) <= 1e-4 * Math.Max(1, expected), $"lane {lane} bin {k}: {spectrum[k][lane]} vs {expected}");
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    [InlineData(2)]
    public void Rejects_sizes_that_are_not_powers_of_two(int size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchedRealFft(size));
    }

    [Fact]
    public void Bit_reversal_is_a_permutation()
    {
        var fft = new BatchedRealFft(1024);

        Assert.Equal(Enumerable.Range(0, 512), fft.BitReverse.Order());
        Assert.Equal(256, fft.BitReverse[1]);
    }

    [Fact]
    public void Rejects_buffers_of_the_wrong_size()
    {
        var fft = new BatchedRealFft(16);

        Assert.Throws<ArgumentException>(() => fft.Transform(new Vector<float>[4], new Vector<float>[8]));
    }
}
