namespace Scraps.Inference.Tests.Fixtures;

/// <summary>Vector comparisons within a tolerance relative to the expected vector's norm.</summary>
internal static class Tolerance
{
    public const double Relative = 1e-4;

    public static void AssertClose(float[] expected, float[] actual, double relative = Relative)
    {
        Assert.Equal(expected.Length, actual.Length);
        double norm = 0, diff = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            norm += (double)expected[i] * expected[i];
            var d = (double)expected[i] - actual[i];
            diff += d * d;
        }

        var allowed = relative * Math.Max(Math.Sqrt(norm), 1e-6);
        Assert.True(Math.Sqrt(diff) <= allowed, $"vectors differ by {Math.Sqrt(diff):g4}, more than {allowed:g4} ({relative:g2} of the norm {Math.Sqrt(norm):g4})");
    }
}
