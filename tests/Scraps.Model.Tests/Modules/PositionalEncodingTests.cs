using Scraps.Model.Modules;
namespace Scraps.Model.Tests.Modules;

public sealed class PositionalEncodingTests
{
    [Fact]
    public void Values_follow_the_sin_cos_formula()
    {
        var table = PositionalEncoding.Values(5, 6);

        for (int p = 0; p < 5; p++)
        {
            for (int i = 0; i < 3; i++)
            {
                double angle = p / Math.Pow(10000, 2.0 * i / 6);
                Assert.Equal((float)Math.Sin(angle), table[(p * 6) + (2 * i)]);
                Assert.Equal((float)Math.Cos(angle), table[(p * 6) + (2 * i) + 1]);
            }
        }
        Assert.Equal(0f, table[0]);
        Assert.Equal(1f, table[1]);
    }
}
