namespace Scraps.Model.Training;

/// <summary>
/// Share of (matched, near-miss) score pairs, over all of them, where the matched one is higher (ties count half): the
/// validation's near-miss AUC. One walk over both lists sorted costs O(m log m + n log n) instead of m x n comparisons.
/// </summary>
internal static class PairedAuc
{
    public static double Compute(IReadOnlyList<double> positives, IReadOnlyList<double> negatives)
    {
        var sorted = negatives.Order().ToArray();
        double wins = 0;
        int below = 0, upTo = 0;
        foreach (var p in positives.Order())
        {
            while (below < sorted.Length && sorted[below] < p)
            {
                below++;
            }

            while (upTo < sorted.Length && sorted[upTo] <= p)
            {
                upTo++;
            }

            wins += below + (0.5 * (upTo - below));
        }
        return wins / ((double)positives.Count * sorted.Length);
    }
}
