namespace Scraps.Phonetics.Lexicon;

/// <summary>
/// Finds the words of a lexicon whose phones lie close to a phone sequence ("phone" -> "bone", "foam", "fine"): the
/// near misses a one-word transcription error produces. The distance allowed grows with the word: 1 phone for words of
/// up to 3 phones (at 2, "phone" has ~1,700 neighbours, most of them no longer alike), 2 for longer ones.
/// A plain scan of the entries of nearby lengths with a bounded edit distance: measured on the 124k-word CMU list, it
/// answers in 5-20 ms a query with no extra memory, where a symmetric-deletion index took 2 s and 115 MB to build and
/// still 2-31 ms a query for short words (thousands of candidates); callers cache per word.
/// </summary>
public sealed class NearMissFinder
{
    /// <summary>The largest distance ever allowed.</summary>
    public const int MaxDistance = 2;

    /// <summary>Words with at most this many phones get distance 1 only.</summary>
    public const int ShortWordPhones = 3;

    private readonly PronunciationLexicon _lexicon;
    private readonly int[][] _byLength;

    public NearMissFinder(PronunciationLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
        var longest = lexicon.Entries.Count == 0 ? 0 : lexicon.Entries.Max(e => e.Phones.Length);
        _byLength = Enumerable.Range(0, longest + 1)
            .Select(length => Enumerable.Range(0, lexicon.Entries.Count).Where(i => lexicon.Entries[i].Phones.Length == length).ToArray())
            .ToArray();
    }

    public PronunciationLexicon Lexicon => _lexicon;

    /// <summary>The distance allowed for a word of <paramref name="phones"/> phones.</summary>
    public static int AllowedDistance(int phones) => phones <= ShortWordPhones ? 1 : MaxDistance;

    /// <summary>
    /// Words at phone distance 1..<see cref="AllowedDistance"/> from <paramref name="phones"/>, nearest first (ties in
    /// lexicon order), leaving out <paramref name="exceptWord"/>.
    /// </summary>
    public IReadOnlyList<(LexiconEntry Entry, int Distance)> Find(ReadOnlySpan<int> phones, string? exceptWord = null)
    {
        var allowed = AllowedDistance(phones.Length);
        var found = new List<(LexiconEntry Entry, int Distance, int Index)>();
        for (var length = Math.Max(0, phones.Length - allowed); length <= Math.Min(_byLength.Length - 1, phones.Length + allowed); length++)
        {
            foreach (var i in _byLength[length])
            {
                var entry = _lexicon.Entries[i];
                if (exceptWord is not null && entry.Word == exceptWord)
                {
                    continue;
                }

                var distance = PhoneEditDistance.Compute(phones, entry.Phones, allowed);
                if (distance >= 1 && distance <= allowed)
                {
                    found.Add((entry, distance, i));
                }
            }
        }
        return found.OrderBy(f => f.Distance).ThenBy(f => f.Index).Select(f => (f.Entry, f.Distance)).ToArray();
    }
}
