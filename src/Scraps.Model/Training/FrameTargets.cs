namespace Scraps.Model.Training;

/// <summary>
/// Frame labels of the CTC head's steps from a clip's phone frame spans (<see cref="Data.PhoneFrameSpans"/>): step s
/// of a head with stride r is centred on log-mel frame r·s, and takes the phone whose span holds that frame; steps
/// between phones are the blank (class 0: silence). Every phone keeps at least one step where a free one is near
/// its middle, and of two equal phones in a row the second starts with a blank when it has steps to spare, so the
/// labels are a path CTC itself could take (it merges repeats). Padded steps are <see cref="Ignore"/>.
/// </summary>
public static class FrameTargets
{
    /// <summary>The class index the frame loss skips (PyTorch's ignore_index default).</summary>
    public const long Ignore = -100;

    /// <summary>Fills <paramref name="row"/> ([padded steps]) for a clip of <paramref name="steps"/> valid steps.</summary>
    /// <param name="spans">Pairs (start, end) of log-mel frames, one per phone of <paramref name="phoneIds"/>.</param>
    public static void Fill(Span<long> row, int steps, int stride, ReadOnlySpan<int> spans, ReadOnlySpan<int> phoneIds)
    {
        if (spans.Length != 2 * phoneIds.Length)
        {
            throw new ArgumentException($"{spans.Length / 2} spans for {phoneIds.Length} phones", nameof(spans));
        }

        steps = Math.Min(steps, row.Length);
        row[..steps].Clear();
        row[steps..].Fill(Ignore);
        var previousId = -1;
        var previousLast = -2;
        for (var k = 0; k < phoneIds.Length; k++)
        {
            var first = CeilDiv(spans[2 * k], stride);
            var end = Math.Min(CeilDiv(spans[(2 * k) + 1], stride), steps);
            if (end <= first)
            {
                // Shorter than a step: the step nearest its middle, if no other phone holds it.
                var middle = Math.Clamp((int)Math.Round((spans[2 * k] + spans[(2 * k) + 1]) / (2.0 * stride)), 0, steps - 1);
                if (row[middle] != 0)
                {
                    continue;
                }

                first = middle;
                end = middle + 1;
            }
            if (first >= steps)
            {
                continue;
            }

            for (var s = first; s < end; s++)
            {
                row[s] = phoneIds[k];
            }

            if (phoneIds[k] == previousId && first <= previousLast + 1 && end - first >= 2)
            {
                row[first] = 0; // a repeat needs a blank between, or CTC's path merges the two
            }

            previousId = phoneIds[k];
            previousLast = end - 1;
        }
    }

    private static int CeilDiv(int a, int b) => (a + b - 1) / b;
}
