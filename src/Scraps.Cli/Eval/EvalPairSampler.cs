namespace Scraps.Cli.Eval;

/// <summary>
/// Draws the evaluation pairs: the manifest lines in a seeded random order, prepared (in parallel, results kept in
/// that order) until the number asked for is reached or the lines run out. Lines that cannot be used are reported and
/// replaced by the next ones, so the same seed and manifest always give the same pairs. Clips outside the subset's
/// duration range are passed over the same way, without a warning (the caller selects the subset's kind beforehand).
/// </summary>
internal static class EvalPairSampler
{
    public static IReadOnlyList<EvalPair> Sample(
        IReadOnlyList<EvalManifestLine> lines,
        EvalPairPreparer preparer,
        EvalSettings settings,
        IEvalProgress progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(preparer);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        var order = Enumerable.Range(0, lines.Count).ToArray();
        EvalRandom.For(settings.Seed, EvalStage.Sampling).Shuffle(order);

        var wanted = Math.Min(settings.Pairs, lines.Count);
        progress.StageStarted("preparing pairs", wanted);
        var pairs = new List<EvalPair>(wanted);
        var next = 0;
        while (pairs.Count < wanted && next < order.Length)
        {
            var window = order.AsSpan(next, Math.Min(wanted - pairs.Count, order.Length - next)).ToArray();
            next += window.Length;
            var prepared = new EvalPair?[window.Length];
            var reasons = new string[window.Length];
            Parallel.For(
                0,
                window.Length,
                new ParallelOptions { MaxDegreeOfParallelism = settings.PreparationThreads, CancellationToken = cancellationToken },
                k => prepared[k] = preparer.TryPrepare(lines[window[k]], out reasons[k]));

            var kept = 0;
            for (var k = 0; k < window.Length; k++)
            {
                if (prepared[k] is not { } pair)
                {
                    var line = lines[window[k]];
                    progress.Warn($"line {line.LineNumber} ({line.Entry.Id}): {reasons[k]}; skipped");
                }
                else if (settings.Subset.KeepsClip(pair.Features.Seconds))
                {
                    pairs.Add(pair);
                    kept++;
                }
            }

            progress.Advanced(kept);
        }

        return pairs;
    }
}
