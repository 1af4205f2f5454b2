using Scraps.Cli.Eval;

namespace Scraps.Cli.Tests.Eval;

public class PairScoresTests
{
    private static readonly float[][] Text = [[1, 0], [0, 2], [1, 1]];
    private static readonly float[][] Audio = [[3, 0], [0, 5], [2, 7]];

    [Fact]
    public void Diagonal_scores_each_pair_with_its_own_vectors() =>
        Assert.Equal(new[] { 3f, 10f, 9f }, PairScores.Diagonal(Text, Audio));

    [Fact]
    public void Matrix_rows_are_phonemes_and_columns_are_audio()
    {
        var matrix = PairScores.Matrix(Text, Audio, start: 1, count: 2);

        Assert.Equal(10f, matrix[0, 0]); // T1·A1
        Assert.Equal(14f, matrix[0, 1]); // T1·A2
        Assert.Equal(5f, matrix[1, 0]);  // T2·A1
        Assert.Equal(9f, matrix[1, 1]);  // T2·A2
    }

    [Fact]
    public void Rejects_mismatched_sizes_and_minibatches_outside_the_pairs()
    {
        Assert.Throws<ArgumentException>(() => PairScores.Dot([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => PairScores.Diagonal(Text, Audio[..2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PairScores.Matrix(Text, Audio, start: 2, count: 2));
    }
}
