namespace Scraps.Model.Training;

/// <summary>
/// The fixed random minibatches of the held-out split that every validation scores (the paper's in-batch
/// evaluation): drawn once from the seed, so figures at different steps compare the same pairs. A batch
/// never holds the same transcript twice (it would count as a wrong retrieval). When the split has no more
/// distinct transcripts than a batch, it is one batch of all of them.
/// </summary>
internal static class ValidationSet
{
    public static IReadOnlyList<TrainingUtterance[]> Draw(IReadOnlyList<TrainingUtterance> valid, TrainingOptions options)
    {
        var distinct = valid.Select(u => string.Join(' ', u.PhonemeIds)).Distinct().Count();
        if (distinct < 2)
        {
            return [];
        }

        var size = Math.Min(options.ValidationBatchSize, distinct);
        var batches = size == distinct ? 1 : options.ValidationBatches;
        var result = new List<TrainingUtterance[]>(batches);
        for (var b = 0; b < batches; b++)
        {
            var random = new DeterministicRandom(options.Seed, RandomPurpose.Validation, b);
            var order = valid.ToArray();
            random.Shuffle(order);
            var seen = new HashSet<string>();
            var batch = order.Where(u => seen.Add(string.Join(' ', u.PhonemeIds))).Take(size).ToArray();
            // Sorted by length: the encoders run over it in chunks with little padding; the order of pairs
            // does not change in-batch metrics.
            result.Add(batch.OrderBy(u => u.Frames).ThenBy(u => u.Index).ToArray());
        }
        return result;
    }
}
