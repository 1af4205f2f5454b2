namespace Scraps.Inference.Encoders;

/// <summary>
/// Splits a list of items into graph runs: indices sorted by length (longest first, stable), then cut greedily
/// so that no run exceeds the item limit or the padded-step budget (items × longest length).
/// </summary>
internal static class BatchPlanner
{
    public static List<int[]> Plan(IReadOnlyList<int> lengths, int maxItems, int maxSteps)
    {
        var order = Enumerable.Range(0, lengths.Count).OrderByDescending(i => lengths[i]).ToArray();
        var runs = new List<int[]>();
        var start = 0;
        while (start < order.Length)
        {
            var longest = lengths[order[start]];
            var count = 1;
            while (start + count < order.Length && count < maxItems && (long)(count + 1) * longest <= maxSteps)
            {
                count++;
            }

            runs.Add(order[start..(start + count)]);
            start += count;
        }

        return runs;
    }
}
