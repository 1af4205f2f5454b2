using System.Text.Json;
using System.Text.Json.Serialization;
using Scraps.Phonetics;

namespace Scraps.Inference.Package;

/// <summary>One phoneme token as stored in model.json: <c>{id, xsampa, ipa, kind}</c>; kind is camelCase (<c>phone</c>, <c>pause</c>...).</summary>
public sealed record PhonemeSymbolInfo(int Id, [property: JsonPropertyName("xsampa")] string XSampa, string Ipa, string Kind);

/// <summary>The package's phoneme inventory (padding id 0 included): token ids with their X-SAMPA and IPA renderings.</summary>
public sealed record PhonemeInventoryInfo(string Version, IReadOnlyList<PhonemeSymbolInfo> Symbols)
{
    public static PhonemeInventoryInfo From(PhonemeInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        return new PhonemeInventoryInfo(
            inventory.Version,
            inventory.Symbols.Select(s => new PhonemeSymbolInfo(s.Id, s.XSampa, s.Ipa, JsonNamingPolicy.CamelCase.ConvertName(s.Kind.ToString()))).ToArray());
    }

    /// <exception cref="PhonemeInventoryFormatException">The symbols do not form a valid inventory.</exception>
    public PhonemeInventory ToInventory()
    {
        var symbols = new PhonemeSymbol[Symbols.Count];
        for (var i = 0; i < symbols.Length; i++)
        {
            var s = Symbols[i] ?? throw new PhonemeInventoryFormatException($"phoneme inventory {Version}: token {i} is null");
            if (!Enum.TryParse<PhonemeKind>(s.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                throw new PhonemeInventoryFormatException(
                    $"phoneme inventory {Version}: token {s.Id} has kind '{s.Kind}', not one of {string.Join(", ", Enum.GetNames<PhonemeKind>())}");
            }

            symbols[i] = new PhonemeSymbol(s.Id, s.XSampa, s.Ipa, kind);
        }

        return PhonemeInventory.FromSymbols(Version, symbols);
    }
}
