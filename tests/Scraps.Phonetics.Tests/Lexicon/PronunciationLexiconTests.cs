using Scraps.Phonetics.Lexicon;

namespace Scraps.Phonetics.Tests.Lexicon;

public sealed class PronunciationLexiconTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("scraps-lexicon-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_cmu_word_list_is_phonemised_with_espeak_and_round_trips_through_a_file()
    {
        var list = Path.Combine(_folder, "cmu.dict");
        File.WriteAllLines(list, ["'bout B AW T", "phone F OW N", "phone(2) F OW N", "read R IY D", "read(2) R EH D", "x-ray EH K S R EY", "zebra Z IY B R AH"]);
        using var espeak = new EspeakPhonemizer();

        var words = PronunciationLexicon.ReadCmuWords(list).ToArray();
        var lexicon = LexiconSource.Open(list, PhonemeInventory.EnglishUs, () => espeak);

        // Alternates and words with other characters are dropped; each word is said alone by espeak-ng.
        Assert.Equal(new[] { "phone", "read", "zebra" }, words);
        Assert.True(lexicon.TryGet("Phone.", out var phone));
        Assert.Equal("f \" oU n", string.Join(' ', phone.Tokens.Select(id => PhonemeInventory.EnglishUs[id].XSampa)));
        Assert.Equal(3, phone.Phones.Length);

        var saved = Path.Combine(_folder, "lexicon.tsv");
        lexicon.Save(saved);
        var loaded = LexiconSource.Open(saved, PhonemeInventory.EnglishUs, () => throw new InvalidOperationException("a saved lexicon needs no G2P"));
        Assert.Equal(lexicon.Entries.Select(e => (e.Word, string.Join(',', e.Tokens))), loaded.Entries.Select(e => (e.Word, string.Join(',', e.Tokens))));
    }

    [Fact]
    public void A_missing_file_or_a_lexicon_of_another_inventory_is_a_clear_error()
    {
        Assert.Contains("not found", Assert.Throws<FileNotFoundException>(() =>
            LexiconSource.Open(Path.Combine(_folder, "none.tsv"), PhonemeInventory.EnglishUs, () => throw new InvalidOperationException())).Message);
        var other = Path.Combine(_folder, "other.tsv");
        File.WriteAllLines(other, [$"{PronunciationLexicon.Header} inventory=somewhere/2 entries=1 source=x", "a\tb"]);
        Assert.Contains("somewhere/2", Assert.Throws<InvalidDataException>(() => PronunciationLexicon.Load(other, PhonemeInventory.EnglishUs)).Message);
        var broken = Path.Combine(_folder, "broken.tsv");
        File.WriteAllLines(broken, [$"{PronunciationLexicon.Header} inventory={PhonemeInventory.EnglishUs.Version}", "no-tab-here"]);
        Assert.Contains(":2:", Assert.Throws<InvalidDataException>(() => PronunciationLexicon.Load(broken, PhonemeInventory.EnglishUs)).Message);
    }
}
