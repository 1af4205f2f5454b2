namespace Scraps.Inference.Alignment;

/// <summary>
/// CTC forced alignment: the single most likely path (Viterbi) of a phone sequence through per-step log-probabilities
/// of the acoustic CTC head, over the usual expanded states (blank, p1, blank, p2, ..., blank; class 0 is the blank).
/// O(steps x phones) time and one byte of back-pointer per (step, state): a 20 s clip (400 steps) against 300 phones
/// needs 240 kB. Gives each phone the steps its label holds on the path and a goodness-of-pronunciation figure.
/// </summary>
public static class CtcForcedAligner
{
    /// <summary>Log-probabilities are clamped here so that an impossible label never makes a figure -infinity.</summary>
    public const float FloorLogProbability = -30f;

    /// <param name="logProbs">Row-major [steps, classes] log-probabilities (each row a distribution).</param>
    /// <param name="steps">Valid steps (rows) of <paramref name="logProbs"/>.</param>
    /// <param name="classes">Classes per row (the inventory; 0 is the blank).</param>
    /// <param name="phones">The phone ids to align, in order (none may be 0).</param>
    /// <returns>The alignment, or null when the phones cannot fit the steps (more labels than a path can hold).</returns>
    public static CtcAlignment? Align(ReadOnlySpan<float> logProbs, int steps, int classes, ReadOnlySpan<int> phones)
    {
        if (classes < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), "needs the blank and at least one phone");
        }

        if (steps < 0 || (long)steps * classes > logProbs.Length)
        {
            throw new ArgumentException($"{steps} steps of {classes} classes do not fit {logProbs.Length} values", nameof(steps));
        }

        foreach (var p in phones)
        {
            if (p <= 0 || p >= classes)
            {
                throw new ArgumentOutOfRangeException(nameof(phones), $"phone id {p} is not in 1..{classes - 1}");
            }
        }

        var count = phones.Length;
        if (count == 0 || steps == 0)
        {
            return null;
        }

        var minimum = count;
        for (var k = 1; k < count; k++)
        {
            if (phones[k] == phones[k - 1])
            {
                minimum++; // a repeated label needs a blank between
            }
        }

        if (minimum > steps)
        {
            return null;
        }

        var states = (2 * count) + 1;
        var back = new byte[steps * states];
        var previous = new double[states];
        var current = new double[states];
        Array.Fill(previous, double.NegativeInfinity);
        previous[0] = Lp(logProbs, 0, classes, 0);
        previous[1] = Lp(logProbs, 0, classes, phones[0]);
        for (var t = 1; t < steps; t++)
        {
            for (var s = 0; s < states; s++)
            {
                var label = s % 2 == 0 ? 0 : phones[s / 2];
                var best = previous[s];
                byte from = 0;
                if (s >= 1 && previous[s - 1] > best)
                {
                    best = previous[s - 1];
                    from = 1;
                }
                if (s >= 2 && label != 0 && label != phones[(s / 2) - 1] && previous[s - 2] > best)
                {
                    best = previous[s - 2];
                    from = 2;
                }
                current[s] = double.IsNegativeInfinity(best) ? best : best + Lp(logProbs, t, classes, label);
                back[(t * states) + s] = from;
            }
            (previous, current) = (current, previous);
        }

        var end = previous[states - 1] >= previous[states - 2] ? states - 1 : states - 2;
        var logLikelihood = previous[end];
        var pathState = new int[steps];
        for (int t = steps - 1, s = end; t >= 0; t--)
        {
            pathState[t] = s;
            s -= back[(t * states) + s];
        }

        var first = new int[count];
        var last = new int[count];
        var goodness = new double[count];
        Array.Fill(first, -1);
        Array.Fill(goodness, double.NegativeInfinity);
        for (var t = 0; t < steps; t++)
        {
            var s = pathState[t];
            if (s % 2 == 0)
            {
                continue;
            }

            var k = s / 2;
            if (first[k] < 0)
            {
                first[k] = t;
            }

            last[k] = t;
            goodness[k] = Math.Max(goodness[k], Lp(logProbs, t, classes, phones[k]) - RowMax(logProbs, t, classes));
        }
        var aligned = new AlignedPhone[count];
        for (var k = 0; k < count; k++)
        {
            aligned[k] = new AlignedPhone(phones[k], first[k], last[k] + 1, goodness[k]);
        }

        return new CtcAlignment(aligned, logLikelihood, steps);
    }

    private static float Lp(ReadOnlySpan<float> logProbs, int t, int classes, int c) => Math.Max(logProbs[(t * classes) + c], FloorLogProbability);

    private static float RowMax(ReadOnlySpan<float> logProbs, int t, int classes)
    {
        var row = logProbs.Slice(t * classes, classes);
        var max = float.NegativeInfinity;
        foreach (var v in row)
        {
            max = Math.Max(max, v);
        }

        return Math.Max(max, FloorLogProbability);
    }
}

/// <summary>One phone on the best path: the steps [<see cref="StartStep"/>, <see cref="EndStep"/>) its label holds.</summary>
/// <param name="Goodness">
/// Goodness of pronunciation: the best, over those steps, of log p(phone) - log max_c p(c) (blank included); 0 when the
/// phone is the most likely class at one of its steps, strongly negative when the audio says something else there.
/// </param>
public sealed record AlignedPhone(int Phone, int StartStep, int EndStep, double Goodness);

/// <summary>The best CTC path of a phone sequence through a clip.</summary>
/// <param name="LogLikelihood">Log-probability of that path.</param>
public sealed record CtcAlignment(IReadOnlyList<AlignedPhone> Phones, double LogLikelihood, int Steps);
