namespace Scraps.Phonetics.Lexicon;

/// <summary>
/// The full Levenshtein table of two token sequences (unit costs), for callers that walk back through it to align the
/// two: which near-miss phones the transcript does not have, which written word owns a transcript phone.
/// <see cref="PhoneEditDistance"/> gives the distance alone, bounded and in linear memory.
/// </summary>
public readonly struct EditDistanceTable
{
    private readonly int[] _cost;
    private readonly int _columns;

    private EditDistanceTable(int[] cost, int columns)
    {
        _cost = cost;
        _columns = columns;
    }

    /// <summary>Cost of turning the first <c>i</c> tokens of the target into the first <c>j</c> of the source.</summary>
    public int this[int i, int j] => _cost[(i * _columns) + j];

    public static EditDistanceTable Build(ReadOnlySpan<int> target, ReadOnlySpan<int> source)
    {
        int n = target.Length, m = source.Length, columns = m + 1;
        var cost = new int[(n + 1) * columns];
        for (var i = 0; i <= n; i++)
        {
            cost[i * columns] = i;
        }

        for (var j = 0; j <= m; j++)
        {
            cost[j] = j;
        }

        for (var i = 1; i <= n; i++)
        {
            for (var j = 1; j <= m; j++)
            {
                var diagonal = cost[((i - 1) * columns) + j - 1] + (target[i - 1] == source[j - 1] ? 0 : 1);
                cost[(i * columns) + j] = Math.Min(diagonal, Math.Min(cost[((i - 1) * columns) + j], cost[(i * columns) + j - 1]) + 1);
            }
        }

        return new EditDistanceTable(cost, columns);
    }
}
