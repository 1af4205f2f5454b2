namespace Scraps.Phonetics.Tests;

public class PhonemeSequenceTests
{
    private static PhonemeSymbol Token(string xsampa) =>
        PhonemeInventory.EnglishUs.TryGetByXSampa(xsampa, out var symbol) ? symbol : throw new ArgumentException(xsampa);

    private static readonly PhonemeSequence Hi = new([Token("h"), Token("\""), Token("aI"), Token("|.")]);

    [Fact]
    public void Renders_ids_XSampa_and_Ipa_in_order()
    {
        Assert.Equal(4, Hi.Length);
        Assert.Equal([Token("h").Id, Token("\"").Id, Token("aI").Id, Token("|.").Id], Hi.ToIds());
        Assert.Equal("h \" aI |.", Hi.ToXSampa());
        Assert.Equal("h ˈ aɪ .", Hi.ToIpa());
        Assert.Equal(Hi.ToXSampa(), Hi.ToString());
    }

    [Fact]
    public void Sequences_with_the_same_tokens_are_equal()
    {
        var same = new PhonemeSequence(Hi.Symbols.ToList());
        var other = new PhonemeSequence([Token("h"), Token("\""), Token("aI")]);

        Assert.Equal(Hi, same);
        Assert.Equal(Hi.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(Hi, other);
    }

    [Fact]
    public void Empty_sequence_renders_empty_strings()
    {
        var empty = new PhonemeSequence([]);
        Assert.Equal(0, empty.Length);
        Assert.Empty(empty.ToIds());
        Assert.Equal(string.Empty, empty.ToXSampa());
    }
}
