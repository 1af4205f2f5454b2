using Scraps.Phonetics.Espeak;

namespace Scraps.Phonetics.Tests;

public class EspeakEngineTests
{
    private readonly EspeakEngine _engine = EspeakEngine.Acquire(null);

    [Fact]
    public void Is_one_instance_per_process() => Assert.Same(_engine, EspeakEngine.Acquire(null));

    [Fact]
    public void Reads_the_text_clause_by_clause_and_accounts_for_every_byte()
    {
        const string text = "Hello, world. Dr. Smith paid $42; x , y";
        var clauses = _engine.TextToPhonemes("en-us", text, ipa: true);

        Assert.Equal(text, string.Concat(clauses.Select(c => c.ConsumedText)));
        Assert.True(clauses[^1].IsLast);
        Assert.All(clauses.SkipLast(1), c => Assert.False(c.IsLast));
        Assert.Equal($"h{EspeakEngine.PhonemeSeparator}ə{EspeakEngine.PhonemeSeparator}l{EspeakEngine.PhonemeSeparator}ˈoʊ", clauses[0].Phonemes);
        Assert.Equal("Hello, w", clauses[0].ConsumedText);
    }

    [Fact]
    public void Gives_espeaks_ascii_mnemonics_too()
    {
        var clause = Assert.Single(_engine.TextToPhonemes("en-us", "hello", ipa: false));
        Assert.Equal("h@l'oU", clause.Phonemes.Replace(EspeakEngine.PhonemeSeparator.ToString(), string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en-us", "gmw/en-US", "en-us")]
    [InlineData("en-gb", "gmw/en", "en-gb")]
    [InlineData("gmw/en-US", "gmw/en-US", "en-us")]
    [InlineData("EN-us", "gmw/en-US", "en-us")]
    public void Resolves_voices_by_name_or_language(string voice, string identifier, string language) =>
        Assert.Equal(new EspeakVoiceInfo(identifier, language), _engine.GetVoice(voice));

    [Fact]
    public void Refuses_a_second_data_path()
    {
        var error = Assert.Throws<ArgumentException>(() => EspeakEngine.Acquire(Path.GetTempPath()));
        Assert.Contains("already initialised", error.Message);
    }

    [Fact]
    public void Reports_the_engine_version() => Assert.Matches(@"^\d+\.\d+", _engine.Version);
}
