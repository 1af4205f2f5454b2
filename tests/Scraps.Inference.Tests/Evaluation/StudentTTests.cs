using Scraps.Inference.Evaluation;

namespace Scraps.Inference.Tests.Evaluation;

public sealed class StudentTTests
{
    [Theory]
    [InlineData(1, 12.7062)]
    [InlineData(2, 4.3027)]
    [InlineData(3, 3.1824)]
    [InlineData(4, 2.7764)]
    [InlineData(9, 2.2622)]
    [InlineData(30, 2.0423)]
    public void Quantile_975_matches_the_table_within_two_tenths_of_a_percent(int dof, double tabled)
    {
        Assert.Equal(tabled, StudentT.Quantile(0.975, dof), tabled * 0.002);
    }

    [Fact]
    public void Quantile_is_antisymmetric_and_tends_to_the_normal()
    {
        Assert.Equal(-StudentT.Quantile(0.9, 7), StudentT.Quantile(0.1, 7), 9);
        Assert.Equal(StandardNormal.Quantile(0.975), StudentT.Quantile(0.975, 100000), 4);
    }
}
