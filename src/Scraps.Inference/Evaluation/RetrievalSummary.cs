namespace Scraps.Inference.Evaluation;

/// <summary>
/// The paper's "random minibatch" evaluation over several minibatches: each figure is the mean over the
/// batches with its Student-t confidence interval.
/// </summary>
public sealed record RetrievalSummary(
    int Batches,
    int Pairs,
    ConfidenceInterval AucRoc,
    ConfidenceInterval EqualErrorRate,
    ConfidenceInterval EerThreshold,
    ConfidenceInterval RecallAt1PhoneticToAcoustic,
    ConfidenceInterval RecallAt1AcousticToPhonetic)
{
    public static RetrievalSummary Aggregate(IReadOnlyList<RetrievalFigures> batches, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.Count == 0)
        {
            throw new ArgumentException("There are no minibatch figures to summarise.", nameof(batches));
        }

        ConfidenceInterval Of(Func<RetrievalFigures, double> figure) =>
            ConfidenceIntervals.Mean(batches.Select(figure).ToArray(), level);
        return new RetrievalSummary(
            batches.Count,
            batches.Sum(b => b.BatchSize),
            Of(b => b.AucRoc),
            Of(b => b.EqualErrorRate),
            Of(b => b.EerThreshold),
            Of(b => b.RecallAt1PhoneticToAcoustic),
            Of(b => b.RecallAt1AcousticToPhonetic));
    }
}
