namespace Scraps.Phonetics.Tests;

public class PhonemeInventoryTests
{
    private static readonly PhonemeInventory EnglishUs = PhonemeInventory.EnglishUs;

    [Fact]
    public void EnglishUs_has_version_size_and_padding_at_id_0()
    {
        Assert.Equal("espeak-ng-en-us/1", EnglishUs.Version);
        Assert.Equal(112, EnglishUs.Count);
        Assert.Equal(EnglishUs.Count, EnglishUs.Symbols.Count);
        Assert.Equal(new PhonemeSymbol(0, "<pad>", "<pad>", PhonemeKind.Padding), EnglishUs[0]);
        Assert.Single(EnglishUs.Symbols, s => s.Kind == PhonemeKind.Padding);
    }

    [Fact]
    public void EnglishUs_renderings_are_unique_and_free_of_white_space()
    {
        Assert.Equal(EnglishUs.Count, EnglishUs.Symbols.Select(s => s.XSampa).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(EnglishUs.Count, EnglishUs.Symbols.Select(s => s.Ipa).Distinct(StringComparer.Ordinal).Count());
        Assert.All(EnglishUs.Symbols, s =>
        {
            Assert.DoesNotContain(s.XSampa, char.IsWhiteSpace);
            Assert.DoesNotContain(s.Ipa, char.IsWhiteSpace);
        });
    }

    [Fact]
    public void EnglishUs_has_stress_word_boundary_and_six_distinct_pauses()
    {
        Assert.Equal(["\"", "%"], EnglishUs.Symbols.Where(s => s.Kind == PhonemeKind.Stress).Select(s => s.XSampa));
        Assert.Equal(["ˈ", "ˌ"], EnglishUs.Symbols.Where(s => s.Kind == PhonemeKind.Stress).Select(s => s.Ipa));
        Assert.Equal("#", Assert.Single(EnglishUs.Symbols, s => s.Kind == PhonemeKind.WordBoundary).XSampa);
        Assert.Equal(["|,", "|.", "|?", "|!", "|;", "|:"], EnglishUs.Symbols.Where(s => s.Kind == PhonemeKind.Pause).Select(s => s.XSampa));
        Assert.Equal([",", ".", "?", "!", ";", ":"], EnglishUs.Symbols.Where(s => s.Kind == PhonemeKind.Pause).Select(s => s.Ipa));
    }

    [Theory]
    [InlineData("tS", "tʃ")]
    [InlineData("r\\", "ɹ")]
    [InlineData("{", "æ")]
    [InlineData("@`", "ɚ")]
    [InlineData("4", "ɾ")]
    [InlineData("?", "ʔ")]
    [InlineData("A:r\\", "ɑːɹ")]
    public void Looks_up_tokens_by_XSampa_and_by_Ipa(string xsampa, string ipa)
    {
        Assert.True(EnglishUs.TryGetByXSampa(xsampa, out var byXSampa));
        Assert.True(EnglishUs.TryGetByIpa(ipa, out var byIpa));
        Assert.Same(byXSampa, byIpa);
        Assert.Same(byXSampa, EnglishUs[byXSampa.Id]);
        Assert.Equal(PhonemeKind.Phone, byXSampa.Kind);
    }

    [Fact]
    public void Unknown_renderings_are_not_found()
    {
        Assert.False(EnglishUs.TryGetByXSampa("Q", out _));
        Assert.False(EnglishUs.TryGetByIpa("ɒ", out _));
        Assert.False(EnglishUs.TryGetByXSampa("p ", out _));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(112)]
    public void Indexer_rejects_ids_outside_the_inventory(int id)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => EnglishUs[id]);
        Assert.Contains("0..111", error.Message);
    }

    [Fact]
    public void FromSymbols_rebuilds_an_equivalent_inventory()
    {
        var copy = PhonemeInventory.FromSymbols(EnglishUs.Version, EnglishUs.Symbols.Select(s => s with { }).ToList());

        Assert.True(copy.IsEquivalentTo(EnglishUs));
        Assert.Equal(EnglishUs.Symbols, copy.Symbols);
        Assert.False(PhonemeInventory.FromSymbols("other/1", EnglishUs.Symbols).IsEquivalentTo(EnglishUs));
    }

    public static TheoryData<string, PhonemeSymbol[], string> MalformedInventories => new()
    {
        { "v", [new(0, "<pad>", "<pad>", PhonemeKind.Padding)], "needs padding plus at least one" },
        { "v", [new(0, "<pad>", "<pad>", PhonemeKind.Padding), new(2, "a", "a", PhonemeKind.Phone)], "has id 2" },
        { "v", [new(0, "a", "a", PhonemeKind.Phone), new(1, "b", "b", PhonemeKind.Phone)], "id 0 must be the one padding token" },
        { "v", [new(0, "<pad>", "<pad>", PhonemeKind.Padding), new(1, "<p>", "<p>", PhonemeKind.Padding)], "token 1 ('<p>') is Padding" },
        { "v", [new(0, "<pad>", "<pad>", PhonemeKind.Padding), new(1, "a b", "a", PhonemeKind.Phone)], "contains white space" },
        { "v", [new(0, "<pad>", "<pad>", PhonemeKind.Padding), new(1, "", "a", PhonemeKind.Phone)], "empty X-SAMPA" },
        { "v", [new(0, "<pad>", "<pad>", PhonemeKind.Padding), new(1, "a", "a", PhonemeKind.Phone), new(2, "a", "b", PhonemeKind.Phone)], "'a' is used by tokens 1 and 2" },
        { "v", [new(0, "<pad>", "<pad>", PhonemeKind.Padding), new(1, "a", "æ", PhonemeKind.Phone), new(2, "{", "æ", PhonemeKind.Phone)], "IPA rendering 'æ' is used by tokens 1 and 2" },
        { " ", [new(0, "<pad>", "<pad>", PhonemeKind.Padding), new(1, "a", "a", PhonemeKind.Phone)], "has no version" },
    };

    [Theory]
    [MemberData(nameof(MalformedInventories))]
    public void FromSymbols_rejects_malformed_inventories(string version, PhonemeSymbol[] symbols, string expected)
    {
        var error = Assert.Throws<PhonemeInventoryFormatException>(() => PhonemeInventory.FromSymbols(version, symbols));
        Assert.Contains(expected, error.Message);
    }
}
