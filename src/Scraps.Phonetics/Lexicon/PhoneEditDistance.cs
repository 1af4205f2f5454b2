namespace Scraps.Phonetics.Lexicon;

/// <summary>Levenshtein distance between phone id sequences (unit costs), with an early exit past a bound.</summary>
public static class PhoneEditDistance
{
    /// <summary>The edit distance of <paramref name="a"/> and <paramref name="b"/>, or <paramref name="bound"/> + 1 when it exceeds it.</summary>
    public static int Compute(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int bound = int.MaxValue - 1)
    {
        if (Math.Abs(a.Length - b.Length) > bound)
        {
            return bound + 1;
        }

        if (a.Length == 0)
        {
            return b.Length;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        Span<int> previous = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > bound)
            {
                return bound + 1;
            }

            var swap = previous;
            previous = current;
            current = swap;
        }
        return Math.Min(previous[b.Length], bound + 1);
    }
}
