namespace Scraps.Inference.Evaluation;

/// <summary>
/// Recall@1 of in-batch retrieval from a square score matrix (rows phonetic, columns acoustic, matches on
/// the diagonal). A tie for the best score counts as the expected hit of a random tie-break: 1/k when the
/// match is one of k equal best scores, so a constant matrix gives chance level, 1/n.
/// </summary>
public static class RecallAtOne
{
    /// <summary>For each phonetic row, is its own clip the best-scoring column?</summary>
    public static double PhoneticToAcoustic(float[,] scores) => Mean(scores, (s, own, other) => s[own, other]);

    /// <summary>For each acoustic column, is its own transcript the best-scoring row?</summary>
    public static double AcousticToPhonetic(float[,] scores) => Mean(scores, (s, own, other) => s[other, own]);

    /// <summary>The mean hit over queries <c>own</c>, each against every candidate <c>other</c> (score <paramref name="at"/>).</summary>
    private static double Mean(float[,] scores, Func<float[,], int, int, float> at)
    {
        var n = ScoreMatrix.ValidateSquare(scores);
        double hits = 0;
        for (var own = 0; own < n; own++)
        {
            var match = at(scores, own, own);
            var better = false;
            var ties = 0;
            for (var other = 0; other < n && !better; other++)
            {
                var score = at(scores, own, other);
                if (score > match)
                {
                    better = true;
                }
                else if (score == match)
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
