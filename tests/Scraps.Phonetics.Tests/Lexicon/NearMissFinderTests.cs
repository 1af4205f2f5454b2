using Scraps.Phonetics.Lexicon;

namespace Scraps.Phonetics.Tests.Lexicon;

public sealed class NearMissFinderTests
{
    private static readonly PhonemeInventory Inventory = PhonemeInventory.EnglishUs;

    private static LexiconEntry Entry(string word, string xsampa) => PronunciationLexicon.ToEntry(word, XSampaParser.Parse(xsampa, Inventory));

    private static readonly PronunciationLexicon Lexicon = new(Inventory,
    [
        Entry("phone", "f \" oU n"),
        Entry("bone", "b \" oU n"),
        Entry("foam", "f \" oU m"),
        Entry("own", "\" oU n"),
        Entry("phones", "f \" oU n z"),
        Entry("fine", "f \" aI n"),
        Entry("stone", "s t \" oU n"),
        Entry("telephone", "t \" E l @ f % oU n"),
        Entry("telephones", "t \" E l @ f % oU n z"),
        Entry("xylophone", "z \" aI l @ f % oU n"),
        Entry("megaphone", "m \" E g @ f % oU n"),
    ], "test");

    [Fact]
    public void A_short_word_gets_its_one_phone_neighbours_nearest_first()
    {
        var finder = new NearMissFinder(Lexicon);
        Lexicon.TryGet("phone", out var phone);

        var found = finder.Find(phone.Phones, exceptWord: "phone");

        // One phone away: substituted (bone, foam, fine), deleted (own) or added (phones); "stone" is two away.
        Assert.Equal(new[] { "bone", "foam", "own", "phones", "fine" }, found.Select(f => f.Entry.Word));
        Assert.All(found, f => Assert.Equal(1, f.Distance));
    }

    [Fact]
    public void A_longer_word_gets_neighbours_up_to_two_phones_away()
    {
        var finder = new NearMissFinder(Lexicon);
        Lexicon.TryGet("telephone", out var telephone);

        var found = finder.Find(telephone.Phones, exceptWord: "telephone");

        Assert.Equal(new[] { ("telephones", 1), ("xylophone", 2), ("megaphone", 2) }, found.Select(f => (f.Entry.Word, f.Distance)));
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "abc", 0)]
    [InlineData("flaw", "lawn", 2)]
    public void Edit_distance_is_levenshtein(string a, string b, int expected)
    {
        Assert.Equal(expected, PhoneEditDistance.Compute(a.Select(c => (int)c).ToArray(), b.Select(c => (int)c).ToArray()));
        Assert.Equal(Math.Min(expected, 2), PhoneEditDistance.Compute(a.Select(c => (int)c).ToArray(), b.Select(c => (int)c).ToArray(), bound: 1));
    }
}
