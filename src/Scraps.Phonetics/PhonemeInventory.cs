using System.Diagnostics.CodeAnalysis;

namespace Scraps.Phonetics;

/// <summary>
/// A versioned, immutable phoneme token inventory: token id (0 = padding) &lt;-&gt; X-SAMPA and IPA renderings.
/// A model records the inventory it was trained with (version and symbols) and is fed only its ids.
/// </summary>
public sealed class PhonemeInventory
{
    /// <summary>X-SAMPA (and IPA) rendering of the padding token, id 0.</summary>
    public const string PaddingSymbol = "<pad>";

    /// <summary>X-SAMPA rendering of the word boundary token.</summary>
    public const string WordBoundarySymbol = "#";

    /// <summary>X-SAMPA renderings of the primary and secondary stress tokens.</summary>
    public const string PrimaryStressSymbol = "\"";
    public const string SecondaryStressSymbol = "%";

    private readonly Dictionary<string, PhonemeSymbol> _byXSampa;
    private readonly Dictionary<string, PhonemeSymbol> _byIpa;

    private PhonemeInventory(string version, PhonemeSymbol[] symbols)
    {
        Version = version;
        Symbols = symbols.AsReadOnly();
        _byXSampa = symbols.ToDictionary(s => s.XSampa, StringComparer.Ordinal);
        _byIpa = symbols.ToDictionary(s => s.Ipa, StringComparer.Ordinal);
    }

    /// <summary>The default inventory: espeak-ng's en-us phonemes, stress, word boundary and pauses (see phonemes.md).</summary>
    public static PhonemeInventory EnglishUs { get; } = EnglishUsPhonemes.Create();

    /// <summary>Identifies the inventory; it changes whenever a token is added, removed or re-rendered.</summary>
    public string Version { get; }

    /// <summary>Vocabulary size, padding included.</summary>
    public int Count => Symbols.Count;

    /// <summary>All tokens, indexed by id.</summary>
    public IReadOnlyList<PhonemeSymbol> Symbols { get; }

    /// <summary>The token with this id.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The id is not in 0..Count-1.</exception>
    public PhonemeSymbol this[int id] =>
        id >= 0 && id < Symbols.Count
            ? Symbols[id]
            : throw new ArgumentOutOfRangeException(nameof(id), id, $"phoneme id {id} is outside inventory {Version} (ids 0..{Count - 1})");

    public bool TryGetByXSampa(string xsampa, [MaybeNullWhen(false)] out PhonemeSymbol symbol) =>
        _byXSampa.TryGetValue(xsampa, out symbol);

    public bool TryGetByIpa(string ipa, [MaybeNullWhen(false)] out PhonemeSymbol symbol) =>
        _byIpa.TryGetValue(ipa, out symbol);

    /// <summary>True when both inventories have the same version and the same tokens under the same ids.</summary>
    public bool IsEquivalentTo(PhonemeInventory other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Version == other.Version && Symbols.SequenceEqual(other.Symbols);
    }

    public override string ToString() => $"{Version} ({Count} tokens)";

    /// <summary>Builds (or rebuilds, e.g. from model.json) an inventory, checking that it is well formed.</summary>
    /// <exception cref="PhonemeInventoryFormatException">Ids are not 0..n-1 in order, id 0 is not the only padding
    /// token, or a rendering is empty, contains white space or is used twice.</exception>
    public static PhonemeInventory FromSymbols(string version, IReadOnlyList<PhonemeSymbol> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        if (string.IsNullOrWhiteSpace(version))
        {
            throw new PhonemeInventoryFormatException("phoneme inventory has no version");
        }

        if (symbols.Count < 2)
        {
            throw new PhonemeInventoryFormatException($"phoneme inventory {version} has {symbols.Count} tokens; it needs padding plus at least one phoneme");
        }

        var seenXSampa = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenIpa = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < symbols.Count; i++)
        {
            var s = symbols[i] ?? throw new PhonemeInventoryFormatException($"phoneme inventory {version}: token {i} is missing");
            if (s.Id != i)
            {
                throw new PhonemeInventoryFormatException($"phoneme inventory {version}: token at position {i} has id {s.Id}; ids must be 0..{symbols.Count - 1} in order");
            }

            if ((s.Kind == PhonemeKind.Padding) != (i == 0))
            {
                throw new PhonemeInventoryFormatException($"phoneme inventory {version}: id 0 must be the one padding token, but token {i} ('{s.XSampa}') is {s.Kind}");
            }

            CheckRendering(version, i, "X-SAMPA", s.XSampa, seenXSampa);
            CheckRendering(version, i, "IPA", s.Ipa, seenIpa);
        }

        return new PhonemeInventory(version, [.. symbols]);
    }

    private static void CheckRendering(string version, int id, string what, string? text, Dictionary<string, int> seen)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw new PhonemeInventoryFormatException($"phoneme inventory {version}: token {id} has an empty {what} rendering");
        }

        if (text.Any(char.IsWhiteSpace))
        {
            throw new PhonemeInventoryFormatException($"phoneme inventory {version}: {what} rendering '{text}' of token {id} contains white space");
        }

        if (!seen.TryAdd(text, id))
        {
            throw new PhonemeInventoryFormatException($"phoneme inventory {version}: {what} rendering '{text}' is used by tokens {seen[text]} and {id}");
        }
    }
}
