using Scraps.Inference.Scoring;

namespace Scraps.Inference.Tests.Scoring;

public sealed class VectorMathTests
{
    [Fact]
    public void Dot_sums_products()
    {
        Assert.Equal(1 * 4 + 2 * -5 + 3 * 6, VectorMath.Dot([1, 2, 3], [4, -5, 6]));
    }

    [Fact]
    public void Dot_rejects_vectors_of_different_sizes()
    {
        Assert.Throws<ArgumentException>(() => VectorMath.Dot([1, 2], [1, 2, 3]));
    }

    [Fact]
    public void Cosine_is_scale_free_and_zero_for_a_zero_vector()
    {
        Assert.Equal(1, VectorMath.Cosine([1, 2, 3], [2, 4, 6]), 12);
        Assert.Equal(-1, VectorMath.Cosine([1, 0], [-3, 0]), 12);
        Assert.Equal(0, VectorMath.Cosine([0, 0], [1, 1]));
    }

    [Fact]
    public void Softmax_is_stable_for_large_values()
    {
        var soft = VectorMath.Softmax([1000, 1000 + Math.Log(3)]);

        Assert.Equal(0.25, soft[0], 12);
        Assert.Equal(0.75, soft[1], 12);
    }

    [Fact]
    public void RowAndColumnSoftmax_normalise_the_right_axis()
    {
        double[][] scores = [[1, 2, 3], [0, 0, 9]];

        var rows = VectorMath.RowSoftmax(scores);
        var columns = VectorMath.ColumnSoftmax(scores);

        Assert.All(rows, r => Assert.Equal(1, r.Sum(), 12));
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(1, columns[0][c] + columns[1][c], 12);
        }

        Assert.Equal(Math.Exp(1) / (Math.Exp(1) + 1), columns[0][0], 12);
    }
}
