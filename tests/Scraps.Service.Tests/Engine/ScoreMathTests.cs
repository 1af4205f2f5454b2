using Scraps.Service.Engine;

namespace Scraps.Service.Tests.Engine;

public sealed class ScoreMathTests
{
    [Fact]
    public void Row_and_column_softmax_normalise_their_own_axis()
    {
        double[][] scores = [[1, 2, 3], [0, 0, 1000]];

        var rows = ScoreMath.RowSoftmax(scores);
        var columns = ScoreMath.ColumnSoftmax(scores);

        Assert.Equal(1, rows[0].Sum(), 12);
        Assert.Equal(Math.Exp(3) / (Math.Exp(1) + Math.Exp(2) + Math.Exp(3)), rows[0][2], 12);
        Assert.Equal(1, rows[1][2], 12);
        Assert.Equal(1 / (1 + Math.Exp(-1)), columns[0][0], 12);
        Assert.Equal(1, columns[0][2] + columns[1][2], 12);
    }

    [Fact]
    public void Cosine_is_scale_free_and_zero_for_a_zero_vector()
    {
        Assert.Equal(1, ScoreMath.Cosine([1, 2, 3], [2, 4, 6]), 12);
        Assert.Equal(0, ScoreMath.Cosine([0, 0], [1, 1]));
        Assert.Equal(32, ScoreMath.Dot([1, 2, 3], [4, 5, 6]));
    }
}
