namespace Scraps.Phonetics;

/// <summary>
/// A phoneme token sequence, as fed to the phonetic encoder. Two sequences are equal when they hold the same
/// tokens in the same order. The renderings join tokens with single spaces, so
/// <see cref="XSampaParser.Parse"/> of <see cref="ToXSampa"/> gives the same sequence back.
/// </summary>
public sealed record PhonemeSequence(IReadOnlyList<PhonemeSymbol> Symbols)
{
    public IReadOnlyList<PhonemeSymbol> Symbols { get; } = Symbols ?? throw new ArgumentNullException(nameof(Symbols));

    /// <summary>Number of tokens.</summary>
    public int Length => Symbols.Count;

    /// <summary>Token ids, in order (row indices of the embedding table).</summary>
    public int[] ToIds()
    {
        var ids = new int[Symbols.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = Symbols[i].Id;
        }

        return ids;
    }

    /// <summary>X-SAMPA renderings joined by single spaces.</summary>
    public string ToXSampa() => string.Join(' ', Symbols.Select(s => s.XSampa));

    /// <summary>IPA renderings joined by single spaces.</summary>
    public string ToIpa() => string.Join(' ', Symbols.Select(s => s.Ipa));

    public bool Equals(PhonemeSequence? other) =>
        other is not null && Symbols.SequenceEqual(other.Symbols);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var symbol in Symbols)
        {
            hash.Add(symbol);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => ToXSampa();
}
