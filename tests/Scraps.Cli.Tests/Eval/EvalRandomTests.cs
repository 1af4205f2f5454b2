using Scraps.Cli.Eval;

namespace Scraps.Cli.Tests.Eval;

public class EvalRandomTests
{
    private static int[] Draw(Random random) => Enumerable.Range(0, 8).Select(_ => random.Next()).ToArray();

    [Fact]
    public void The_same_seed_stage_and_index_give_the_same_stream()
    {
        Assert.Equal(Draw(EvalRandom.For(42, EvalStage.Gaussian, 7)), Draw(EvalRandom.For(42, EvalStage.Gaussian, 7)));
    }

    [Fact]
    public void Seeds_stages_and_indices_give_different_streams()
    {
        var streams = new[]
        {
            Draw(EvalRandom.For(1, EvalStage.Mix, 0)),
            Draw(EvalRandom.For(2, EvalStage.Mix, 0)),
            Draw(EvalRandom.For(1, EvalStage.Gaussian, 0)),
            Draw(EvalRandom.For(1, EvalStage.Mix, 1)),
            Draw(EvalRandom.For(1, EvalStage.Mix, 65536)),
        };

        for (var a = 0; a < streams.Length; a++)
        {
            for (var b = a + 1; b < streams.Length; b++)
            {
                Assert.NotEqual(streams[a], streams[b]);
            }
        }
    }

    [Fact]
    public void NextGaussian_is_standard_normal()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 200_000).Select(_ => random.NextGaussian()).ToArray();

        var mean = values.Average();
        var variance = values.Select(v => (v - mean) * (v - mean)).Average();
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.98, 1.02);
        Assert.All(values, v => Assert.True(double.IsFinite(v)));
    }
}
