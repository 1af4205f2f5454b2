namespace Scraps.Model.Tests.Export;

/// <summary>Largest relative error ||a - b|| / ||b|| over the vectors (last-axis rows) of two equal-shaped tensors.</summary>
internal static class VectorParity
{
    public static double MaxRelativeError(float[] actual, float[] expected, int width)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = 0.0;
        for (var row = 0; row < expected.Length / width; row++)
        {
            double diff = 0, norm = 0;
            for (var i = row * width; i < (row + 1) * width; i++)
            {
                diff += (actual[i] - expected[i]) * (double)(actual[i] - expected[i]);
                norm += expected[i] * (double)expected[i];
            }

            Assert.True(norm > 1e-12, $"row {row} of the reference is zero; relative error is undefined");
            worst = Math.Max(worst, Math.Sqrt(diff / norm));
        }

        return worst;
    }
}
