namespace Scraps.Phonetics.Tests;

public class EnglishUsPhonemesTests
{
    [Fact]
    public void Create_builds_the_table_in_order()
    {
        var inventory = EnglishUsPhonemes.Create();

        Assert.Equal(EnglishUsPhonemes.Version, inventory.Version);
        Assert.Equal(EnglishUsPhonemes.Entries.Count, inventory.Count);
        for (var id = 0; id < inventory.Count; id++)
        {
            var entry = EnglishUsPhonemes.Entries[id];
            Assert.Equal(new PhonemeSymbol(id, entry.XSampa, entry.Ipa, entry.Kind), inventory[id]);
        }
    }

    [Fact]
    public void Every_phone_names_the_espeak_phonemes_behind_it()
    {
        Assert.All(EnglishUsPhonemes.Entries.Where(e => e.Kind != PhonemeKind.Padding), e => Assert.False(string.IsNullOrWhiteSpace(e.Espeak), e.XSampa));
        Assert.All(EnglishUsPhonemes.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Example), e.XSampa));
    }

    /// <summary>X-SAMPA is derived from the IPA symbol by symbol, so the two renderings always agree.</summary>
    [Fact]
    public void Phone_XSampa_spells_its_IPA_with_the_standard_XSampa_letters()
    {
        var xsampaOf = new Dictionary<char, string>
        {
            ['ə'] = "@",
            ['ɚ'] = "@`",
            ['ɜ'] = "3",
            ['ː'] = ":",
            ['ɐ'] = "6",
            ['æ'] = "{",
            ['ɑ'] = "A",
            ['ɛ'] = "E",
            ['ɪ'] = "I",
            ['ᵻ'] = "I\\",
            ['i'] = "i",
            ['ɔ'] = "O",
            ['o'] = "o",
            ['ʊ'] = "U",
            ['u'] = "u",
            ['ʌ'] = "V",
            ['a'] = "a",
            ['e'] = "e",
            ['ɹ'] = "r\\",
            ['r'] = "r",
            ['l'] = "l",
            ['\u0329'] = "=",
            ['m'] = "m",
            ['n'] = "n",
            ['ŋ'] = "N",
            ['p'] = "p",
            ['b'] = "b",
            ['t'] = "t",
            ['d'] = "d",
            ['k'] = "k",
            ['ɡ'] = "g",
            ['ʔ'] = "?",
            ['f'] = "f",
            ['v'] = "v",
            ['θ'] = "T",
            ['ð'] = "D",
            ['s'] = "s",
            ['z'] = "z",
            ['ʃ'] = "S",
            ['ʒ'] = "Z",
            ['h'] = "h",
            ['j'] = "j",
            ['w'] = "w",
            ['ʍ'] = "W",
            ['ɾ'] = "4",
            ['x'] = "x",
            ['ɬ'] = "K",
            ['ç'] = "C",
            ['ɣ'] = "G",
            ['ʁ'] = "R",
            ['χ'] = "X",
            ['q'] = "q",
            ['c'] = "c",
            ['ɟ'] = "J\\",
            ['ɲ'] = "J",
            ['ʎ'] = "L",
            ['ɭ'] = "l`",
            ['ɫ'] = "5",
            ['ɳ'] = "n`",
            ['ʀ'] = "R\\",
            ['β'] = "B",
            ['ʋ'] = "P",
            ['ʂ'] = "s`",
            ['ʐ'] = "z`",
            ['ɕ'] = "s\\",
            ['ʑ'] = "z\\",
            ['ʝ'] = "j\\",
            ['\u032A'] = "_d",
            ['\u0303'] = "~",
        };

        Assert.All(EnglishUsPhonemes.Entries.Where(e => e.Kind == PhonemeKind.Phone), e =>
            Assert.Equal(e.XSampa, string.Concat(e.Ipa.Select(c => xsampaOf[c]))));
    }
}
