namespace Scraps.Service.Engine;

/// <summary>
/// Cosine and softmax over SCRAPS vectors and score rows. (Scraps.Inference has the same arithmetic in its
/// internal VectorMath; this goes once that is public.)
/// </summary>
internal static class ScoreMath
{
    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (double)a[i] * b[i];
        }

        return sum;
    }

    /// <summary>Cosine similarity; 0 when either vector is all zeros.</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var norms = Math.Sqrt(Dot(a, a) * Dot(b, b));
        return norms > 0 ? Dot(a, b) / norms : 0;
    }

    /// <summary>Softmax of each row of a [rows][columns] matrix.</summary>
    public static double[][] RowSoftmax(double[][] scores) => scores.Select(Softmax).ToArray();

    /// <summary>Softmax of each column of a [rows][columns] matrix, in the same layout.</summary>
    public static double[][] ColumnSoftmax(double[][] scores)
    {
        var rows = scores.Length;
        var columns = rows == 0 ? 0 : scores[0].Length;
        var result = new double[rows][];
        for (var r = 0; r < rows; r++)
        {
            result[r] = new double[columns];
        }

        for (var c = 0; c < columns; c++)
        {
            var column = Softmax(scores.Select(row => row[c]).ToArray());
            for (var r = 0; r < rows; r++)
            {
                result[r][c] = column[r];
            }
        }

        return result;
    }

    private static double[] Softmax(double[] values)
    {
        var max = values.Max();
        var exp = values.Select(v => Math.Exp(v - max)).ToArray();
        var sum = exp.Sum();
        return exp.Select(e => e / sum).ToArray();
    }
}
