using Scraps.Audio.Resampling;

namespace Scraps.Audio.Tests.Resampling;

public sealed class PolyphaseFilterTests
{
    [Fact]
    public void Reduces_22050_to_16000_like_torchaudio()
    {
        var filter = PolyphaseFilter.Create(22050, 16000);

        Assert.Equal(441, filter.InputStep);
        Assert.Equal(320, filter.Phases);
        Assert.Equal(9, filter.Width); // ceil(6 * 441 / (320 * 0.99))
        Assert.InRange(filter.Taps, 17, 19);
    }

    [Theory]
    [InlineData(22050, 16000)]
    [InlineData(8000, 16000)]
    [InlineData(44100, 16000)]
    [InlineData(44101, 16000)]
    public void Every_phase_has_near_unit_dc_gain(int from, int to)
    {
        var filter = PolyphaseFilter.Create(from, to);

        for (var p = 0; p < filter.Phases; p++)
        {
            var sum = filter.Coefficients.AsSpan(p * filter.Taps, filter.Taps).ToArray().Sum();
            Assert.InRange(sum, 0.99, 1.01);
        }
    }

    [Fact]
    public void Phase_zero_of_an_upsampler_is_centred_on_the_input_sample()
    {
        var filter = PolyphaseFilter.Create(8000, 16000);

        // Output 0 sits exactly on input 0: the largest tap is at kernel index Width, value rolloff (0.99).
        var row = filter.Coefficients.AsSpan(0, filter.Taps).ToArray();
        var peak = Array.IndexOf(row, row.Max());
        Assert.Equal(filter.Width, filter.Start[0] + peak);
        Assert.Equal(0.99f, row[peak], 5);
    }

    [Fact]
    public void Table_stays_small_for_coprime_rates()
    {
        var filter = PolyphaseFilter.Create(44101, 16000);

        Assert.Equal(16000, filter.Phases);
        Assert.InRange(filter.Taps, 30, 40);
    }

    [Theory]
    [InlineData(12, 18, 6)]
    [InlineData(44100, 16000, 100)]
    [InlineData(7, 5, 1)]
    public void Gcd_is_the_greatest_common_divisor(int a, int b, int expected)
    {
        Assert.Equal(expected, PolyphaseFilter.Gcd(a, b));
    }
}
