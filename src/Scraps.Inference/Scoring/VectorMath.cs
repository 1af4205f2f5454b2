namespace Scraps.Inference.Scoring;

/// <summary>Dot products, cosines and softmaxes over SCRAPS vectors and score matrices.</summary>
public static class VectorMath
{
    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"vectors have different sizes ({a.Length} and {b.Length})");
        }

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

    /// <summary>Softmax of each row (over columns).</summary>
    public static double[][] RowSoftmax(double[][] scores) => scores.Select(Softmax).ToArray();

    /// <summary>Softmax of each column (over rows), returned in the same [rows][columns] layout.</summary>
    public static double[][] ColumnSoftmax(double[][] scores)
    {
        var rows = scores.Length;
        var columns = rows == 0 ? 0 : scores[0].Length;
        var result = new double[rows][];
        for (var r = 0; r < rows; r++)
        {
            result[r] = new double[columns];
        }

        var column = new double[rows];
        for (var c = 0; c < columns; c++)
        {
            for (var r = 0; r < rows; r++)
            {
                column[r] = scores[r][c];
            }

            var soft = Softmax(column);
            for (var r = 0; r < rows; r++)
            {
                result[r][c] = soft[r];
            }
        }

        return result;
    }

    /// <summary>Numerically stable softmax (the maximum is subtracted first).</summary>
    public static double[] Softmax(double[] values)
    {
        if (values.Length == 0)
        {
            return [];
        }

        var max = values.Max();
        var exp = values.Select(v => Math.Exp(v - max)).ToArray();
        var sum = exp.Sum();
        return exp.Select(e => e / sum).ToArray();
    }
}
