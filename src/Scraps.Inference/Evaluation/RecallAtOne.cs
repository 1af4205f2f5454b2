namespace Scraps.Inference.Evaluation;

/// <summary>
/// Recall@1 of in-batch retrieval from a square score matrix (rows phonetic, columns acoustic, matches on
/// the diagonal). A tie for the best score counts as the expected hit of a random tie-break: 1/k when the
/// match is one of k equal best scores, so a constant matrix gives chance level, 1/n.
/// </summary>
public static class RecallAtOne
{
    /// <summary>For each phonetic row, is its own clip the best-scoring column?</summary>
    public static double PhoneticToAcoustic(float[,] scores)
    {
        var n = ScoreMatrix.ValidateSquare(scores);
        double hits = 0;
        for (var i = 0; i < n; i++)
        {
            var own = scores[i, i];
            var better = false;
            var ties = 0;
            for (var j = 0; j < n && !better; j++)
            {
                if (scores[i, j] > own)
                {
                    better = true;
                }
                else if (scores[i, j] == own)
                {
                    ties++;
                }
            }
            if (!better)
            {
                hits += 1.0 / ties;
            }
        }
        return hits / n;
    }

    /// <summary>For each acoustic column, is its own transcript the best-scoring row?</summary>
    public static double AcousticToPhonetic(float[,] scores)
    {
        var n = ScoreMatrix.ValidateSquare(scores);
        double hits = 0;
        for (var j = 0; j < n; j++)
        {
            var own = scores[j, j];
            var better = false;
            var ties = 0;
            for (var i = 0; i < n && !better; i++)
            {
                if (scores[i, j] > own)
                {
                    better = true;
                }
                else if (scores[i, j] == own)
                {
                    ties++;
                }
            }
            if (!better)
            {
                hits += 1.0 / ties;
            }
        }
        return hits / n;
    }
}
