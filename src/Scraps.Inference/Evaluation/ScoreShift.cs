namespace Scraps.Inference.Evaluation;

/// <summary>
/// How a corruption moved the scores of matched pairs (paper section 4.3): the share of pairs whose corrupted score
/// is below its uncorrupted score ("drops") and above it ("lifts"), each with a Wilson interval. An unchanged score
/// counts as neither, so drops + lifts can be below 1.
/// </summary>
public sealed record ScoreShift(int Pairs, int Drops, int Lifts, ConfidenceInterval DropRate, ConfidenceInterval LiftRate)
{
    /// <summary>Compares <paramref name="corrupted"/>[i] with <paramref name="clean"/>[i] for every pair i.</summary>
    /// <exception cref="ArgumentException">The spans differ in length, are empty, or hold a non-finite score.</exception>
    public static ScoreShift Measure(ReadOnlySpan<float> clean, ReadOnlySpan<float> corrupted, double level = 0.95)
    {
        if (clean.Length != corrupted.Length)
        {
            throw new ArgumentException(
                $"There are {clean.Length} uncorrupted and {corrupted.Length} corrupted scores; each pair needs both.", nameof(corrupted));
        }

        if (clean.IsEmpty)
        {
            throw new ArgumentException("There are no pairs to compare.", nameof(clean));
        }

        int drops = 0, lifts = 0;
        for (var i = 0; i < clean.Length; i++)
        {
            if (!float.IsFinite(clean[i]) || !float.IsFinite(corrupted[i]))
            {
                throw new ArgumentException($"Pair {i} has a non-finite score ({clean[i]} uncorrupted, {corrupted[i]} corrupted).", nameof(corrupted));
            }

            if (corrupted[i] < clean[i])
            {
                drops++;
            }
            else if (corrupted[i] > clean[i])
            {
                lifts++;
            }
        }

        return new ScoreShift(
            clean.Length,
            drops,
            lifts,
            ConfidenceIntervals.Wilson(drops, clean.Length, level),
            ConfidenceIntervals.Wilson(lifts, clean.Length, level));
    }
}
