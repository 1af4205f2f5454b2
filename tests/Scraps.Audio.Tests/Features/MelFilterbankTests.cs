using Scraps.Audio.Features;
using Scraps.Audio.Tests.Support;

namespace Scraps.Audio.Tests.Features;

public sealed class MelFilterbankTests
{
    private static readonly MelFilterbank Filterbank = MelFilterbank.Create(FrontEndSettings.Default);

    [Fact]
    public void Matches_torchaudio_slaney_filterbank_within_1e_6()
    {
        var expected = TestData.ReadF32(TestData.Reference("melfb_513x80_slaney.f32"));

        Assert.Equal(513 * 80, expected.Length);
        Assert.True(Metrics.MaxAbsError(Filterbank.Dense, expected) <= 1e-6);
    }

    [Fact]
    public void Sparse_runs_hold_exactly_the_dense_non_zero_weights()
    {
        for (var m = 0; m < Filterbank.MelBins; m++)
        {
            for (var k = 0; k < Filterbank.FrequencyBins; k++)
            {
                var q = k - Filterbank.First[m];
                var sparse = q >= 0 && q < Filterbank.Count[m] ? Filterbank.Weights[Filterbank.WeightOffset[m] + q] : 0f;
                Assert.Equal(Filterbank.Dense[k * Filterbank.MelBins + m], sparse);
            }
        }
    }

    [Fact]
    public void Every_filter_has_weight()
    {
        Assert.All(Filterbank.Count, c => Assert.True(c > 0));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1000, 15)]
    [InlineData(500, 7.5)]
    public void Slaney_scale_is_linear_below_1_kHz(double hz, double mel)
    {
        Assert.Equal(mel, MelFilterbank.HzToMel(hz, slaney: true), 9);
        Assert.Equal(hz, MelFilterbank.MelToHz(mel, slaney: true), 9);
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(8000)]
    public void Slaney_and_htk_scales_round_trip(double hz)
    {
        Assert.Equal(hz, MelFilterbank.MelToHz(MelFilterbank.HzToMel(hz, slaney: true), slaney: true), 6);
        Assert.Equal(hz, MelFilterbank.MelToHz(MelFilterbank.HzToMel(hz, slaney: false), slaney: false), 6);
    }
}
