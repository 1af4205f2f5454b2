using Scraps.Phonetics.Espeak;

namespace Scraps.Phonetics.Tests;

public class EspeakIpaTokenizerTests
{
    private const char Sep = EspeakEngine.PhonemeSeparator;
    private readonly EspeakIpaTokenizer _tokenizer = new(PhonemeInventory.EnglishUs);

    private (string Tokens, List<string> Unknown, List<string> Languages) Run(string clause)
    {
        var tokens = new List<string>();
        var unknown = new List<string>();
        var languages = new List<string>();
        _tokenizer.Tokenize(clause, () => tokens.Add("#"), s => tokens.Add(s.XSampa), unknown, languages);
        return (string.Join(' ', tokens), unknown, languages);
    }

    [Fact]
    public void Maps_words_phonemes_and_stress()
    {
        var (tokens, unknown, _) = Run($"h{Sep}ə{Sep}l{Sep}ˈoʊ w{Sep}ˌɜː{Sep}l{Sep}d");
        Assert.Equal("# h @ l \" oU # w % 3: l d", tokens);
        Assert.Empty(unknown);
    }

    [Fact]
    public void Skips_empty_phonemes_of_pauses_and_the_silent_tone_marker()
    {
        var (tokens, unknown, _) = Run($"{Sep}{Sep}k{Sep}ˈæ{Sep}l{Sep}1{Sep}{Sep}  d{Sep}ˈɑː");
        Assert.Equal("# k \" { l # d \" A:", tokens);
        Assert.Empty(unknown);
    }

    [Fact]
    public void A_repeated_phone_is_a_lengthened_phone()
    {
        var (tokens, unknown, _) = Run($"s{Sep}ˈææ{Sep}d");
        Assert.Equal("# s \" { { d", tokens);
        Assert.Empty(unknown);
    }

    [Fact]
    public void Language_switch_markers_are_dropped_and_reported()
    {
        var (tokens, unknown, languages) = Run($"h{Sep}ˈɪ{Sep}n{Sep}d{Sep}i{Sep}(hi){Sep}n{Sep}ə (en-us){Sep}ˈoʊ");
        Assert.Equal("# h \" I n d i n @ # \" oU", tokens);
        Assert.Empty(unknown);
        Assert.Equal(["hi", "en-us"], languages);
    }

    [Fact]
    public void Unknown_phonemes_are_reported_whole_not_split_into_look_alikes()
    {
        var (_, unknown, _) = Run($"h{Sep}ə{Sep}l{Sep}ˈəʊ b{Sep}tʰ{Sep}ʰχ");
        Assert.Equal(["əʊ", "tʰ", "ʰχ"], unknown);
    }

    [Fact]
    public void Words_without_tokens_start_no_word()
    {
        var (tokens, _, _) = Run($"{Sep}  1  ˈaɪ");
        Assert.Equal("# \" aI", tokens);
    }
}
