namespace Scraps.Phonetics.Tests;

public class XSampaParserTests
{
    private static readonly PhonemeInventory Inventory = PhonemeInventory.EnglishUs;

    [Fact]
    public void Parses_space_separated_tokens()
    {
        var sequence = XSampaParser.Parse("h @ l \" oU |, w \" 3: l d |.", Inventory);

        Assert.Equal("h @ l \" oU |, w \" 3: l d |.", sequence.ToXSampa());
        Assert.Equal("h ə l ˈ oʊ , w ˈ ɜː l d .", sequence.ToIpa());
        Assert.Equal(PhonemeKind.Pause, sequence.Symbols[5].Kind);
    }

    [Fact]
    public void Any_white_space_separates_tokens()
    {
        Assert.Equal(
            XSampaParser.Parse("D @ # k \" { t", Inventory),
            XSampaParser.Parse("  D\t@ #\n k  \"  {   t ", Inventory));
    }

    [Fact]
    public void Unknown_symbols_are_all_listed_once()
    {
        var error = Assert.Throws<UnknownPhonemesException>(() => XSampaParser.Parse("h Q l oU Q xx ,", Inventory));

        Assert.Equal(["Q", "xx", ","], error.UnknownSymbols);
        Assert.Contains("'Q' 'xx' ','", error.Message);
        Assert.Contains(Inventory.Version, error.Message);
        Assert.IsAssignableFrom<PhonemeInputException>(error);
    }

    [Fact]
    public void Padding_is_not_accepted_as_input()
    {
        var error = Assert.Throws<UnknownPhonemesException>(() => XSampaParser.Parse("h <pad> aI", Inventory));
        Assert.Equal(["<pad>"], error.UnknownSymbols);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\n")]
    public void Empty_input_is_rejected(string xsampa) =>
        Assert.Throws<EmptyTextException>(() => XSampaParser.Parse(xsampa, Inventory));

    [Fact]
    public void Every_inventory_token_but_padding_round_trips()
    {
        var all = new PhonemeSequence(Inventory.Symbols.Skip(1).ToList());
        Assert.Equal(all, XSampaParser.Parse(all.ToXSampa(), Inventory));
    }

    [Fact]
    public void Phonemized_texts_round_trip_through_XSampa()
    {
        using var phonemizer = new EspeakPhonemizer();
        var texts = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "english_sample.txt"))
            .Where(line => line.Length > 0).ToArray();
        Assert.True(texts.Length > 50);

        foreach (var text in texts)
        {
            var sequence = phonemizer.Phonemize(text);
            var parsed = XSampaParser.Parse(sequence.ToXSampa(), Inventory);
            Assert.Equal(sequence, parsed);
            Assert.Equal(sequence.ToIds(), parsed.ToIds());
        }
    }
}
