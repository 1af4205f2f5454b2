namespace Scraps.Inference.Evaluation;

/// <summary>
/// Checks and splits a square in-batch score matrix L = T·Aᵀ: row i is phonetic (text) item i, column j
/// acoustic (audio) item j, and the matched pairs lie on the diagonal.
/// </summary>
internal static class ScoreMatrix
{
    public static int ValidateSquare(float[,] scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var n = scores.GetLength(0);
        if (n != scores.GetLength(1))
        {
            throw new ArgumentException(
                $"The score matrix must be square (matched pairs on the diagonal); it is {n} x {scores.GetLength(1)}.", nameof(scores));
        }

        if (n < 2)
        {
            throw new ArgumentException($"The score matrix needs at least 2 x 2 entries to have mismatched pairs; it is {n} x {n}.", nameof(scores));
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (!float.IsFinite(scores[i, j]))
                {
                    throw new ArgumentException($"The score matrix holds a non-finite score ({scores[i, j]}) at [{i}, {j}].", nameof(scores));
                }
            }
        }

        return n;
    }

    /// <summary>The diagonal (matched pairs) and every off-diagonal entry (mismatched pairs).</summary>
    public static (float[] Matched, float[] Mismatched) Split(float[,] scores, int n)
    {
        var matched = new float[n];
        var mismatched = new float[n * (n - 1)];
        var m = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i == j)
                {
                    matched[i] = scores[i, j];
                }
                else
                {
                    mismatched[m++] = scores[i, j];
                }
            }
        }

        return (matched, mismatched);
    }
}
