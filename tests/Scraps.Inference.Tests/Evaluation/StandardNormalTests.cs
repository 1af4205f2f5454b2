using Scraps.Inference.Evaluation;

namespace Scraps.Inference.Tests.Evaluation;

public sealed class StandardNormalTests
{
    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.975, 1.959963985)]
    [InlineData(0.95, 1.644853627)]
    [InlineData(0.005, -2.575829304)]
    [InlineData(0.0001, -3.719016485)]
    public void Quantile_matches_tabled_values(double p, double z)
    {
        Assert.Equal(z, StandardNormal.Quantile(p), 7);
    }

    [Fact]
    public void Quantile_rejects_probabilities_outside_the_open_unit_interval()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StandardNormal.Quantile(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StandardNormal.Quantile(1));
    }
}
