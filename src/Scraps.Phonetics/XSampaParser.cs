namespace Scraps.Phonetics;

/// <summary>
/// Reads phonemes a user sends directly: X-SAMPA tokens separated by white space, e.g.
/// <c>h @ l " oU # w " 3: l d |.</c>. Each token must be one inventory rendering (see phonemes.md); the result is
/// the same token sequence a phonemizer would produce, so <c>Parse(seq.ToXSampa())</c> equals <c>seq</c>.
/// </summary>
public static class XSampaParser
{
    /// <exception cref="EmptyTextException">No tokens (empty or white space only).</exception>
    /// <exception cref="UnknownPhonemesException">Tokens the inventory does not hold, or the padding token; the
    /// message lists every one of them.</exception>
    public static PhonemeSequence Parse(string xsampa, PhonemeInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(xsampa);
        ArgumentNullException.ThrowIfNull(inventory);

        var parts = xsampa.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new EmptyTextException();
        }

        var symbols = new PhonemeSymbol[parts.Length];
        var unknown = new List<string>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (inventory.TryGetByXSampa(parts[i], out var symbol) && symbol.Kind != PhonemeKind.Padding)
            {
                symbols[i] = symbol;
            }
            else if (!unknown.Contains(parts[i], StringComparer.Ordinal))
            {
                unknown.Add(parts[i]);
            }
        }

        if (unknown.Count > 0)
        {
            throw new UnknownPhonemesException(
                $"unknown X-SAMPA phoneme symbol{(unknown.Count == 1 ? string.Empty : "s")} for inventory {inventory.Version}: " +
                $"{string.Join(" ", unknown.Select(u => $"'{u}'"))}; symbols are separated by spaces (see the inventory table)",
                unknown.AsReadOnly());
        }

        return new PhonemeSequence(symbols.AsReadOnly());
    }
}
