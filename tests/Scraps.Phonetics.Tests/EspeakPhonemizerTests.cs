using System.Collections.Concurrent;
using Scraps.Phonetics.Espeak;

namespace Scraps.Phonetics.Tests;

public sealed class EspeakPhonemizerTests : IDisposable
{
    private readonly EspeakPhonemizer _phonemizer = new();

    public void Dispose() => _phonemizer.Dispose();

    private string XSampa(string text) => _phonemizer.Phonemize(text).ToXSampa();

    private string Phones(string text) => SampleTexts.Phones(_phonemizer.Phonemize(text));

    [Fact]
    public void Defaults_to_en_us_and_the_EnglishUs_inventory()
    {
        Assert.Equal("en-us", _phonemizer.Voice);
        Assert.Equal("gmw/en-US", _phonemizer.VoiceIdentifier);
        Assert.Equal("en-us", _phonemizer.VoiceLanguage);
        Assert.Same(PhonemeInventory.EnglishUs, _phonemizer.Inventory);
        Assert.Matches(@"^\d+\.\d+", _phonemizer.EngineVersion);
        Assert.True(File.Exists(Path.Combine(_phonemizer.DataPath, "phontab")));
    }

    [Fact]
    public void Hello_world_gives_phones_stress_and_pauses()
    {
        var sequence = _phonemizer.Phonemize("Hello, world.");

        Assert.Equal("h @ l \" oU |, w \" 3: l d |.", sequence.ToXSampa());
        Assert.Equal("h ə l ˈ oʊ , w ˈ ɜː l d .", sequence.ToIpa());
        Assert.All(sequence.ToIds(), id => Assert.InRange(id, 1, PhonemeInventory.EnglishUs.Count - 1));
    }

    [Fact]
    public void Words_are_separated_by_word_boundaries_as_espeak_groups_them() =>
        Assert.Equal("D @ # k \" { t # s \" { t # O n D @ # m \" { t", XSampa("the cat sat on the mat"));

    [Fact]
    public void Each_kind_of_clause_punctuation_has_its_own_pause_token()
    {
        var tokens = _phonemizer.Phonemize("One, two. Three? Four! Five; six: seven").Symbols;

        Assert.Equal(["|,", "|.", "|?", "|!", "|;", "|:"], tokens.Where(t => t.Kind == PhonemeKind.Pause).Select(t => t.XSampa));
        Assert.Equal("n", tokens[^1].XSampa); // no punctuation at the end, no pause
        Assert.DoesNotContain(tokens, t => t.Kind == PhonemeKind.WordBoundary); // a pause stands between clauses
    }

    [Theory]
    [InlineData("Wait... what?! No", "|; |?")]
    [InlineData("Wait \u2026 what!? No!!", "|; |! |!")]
    [InlineData("\"I can't,\" she said (quietly).", "|, |.")]
    [InlineData("He yelled: \"Stop!\" Then left.", "|: |! |.")]
    [InlineData("first line\n\nsecond line", "|.")]
    [InlineData("grants \u2014 a big increase", "|;")]
    [InlineData("Mr. Jones met Dr. Brown at St. Paul's.", "|.")]
    [InlineData("Plan B. Then we go.", "|.")]
    [InlineData("Ask the doctor. Smith knows.", "|. |.")]
    public void Pauses_follow_espeaks_clause_ends(string text, string pauses) =>
        Assert.Equal(pauses, string.Join(' ', _phonemizer.Phonemize(text).Symbols.Where(t => t.Kind == PhonemeKind.Pause).Select(t => t.XSampa)));

    [Fact]
    public void Abbreviations_numbers_and_symbols_are_expanded_as_espeak_reads_them()
    {
        // espeak-ng 1.51 (en-us) reads "$42" as "dollar forty-two", with the number's own vowel in "forty".
        Assert.Equal(Phones("doctor Smith paid dollar 42"), Phones("Dr. Smith paid $42"));
        Assert.Equal(Phones("fifty percent and ten thirty"), Phones("50% & 10:30"));
        Assert.Equal(Phones("seven thirteen one hundred third"), Phones("7 13 100 3rd"));
        Assert.Equal("d A: k t @` s m I T p eI d d A: l @` f o:r\\ 4 i t u:", Phones("Dr. Smith paid $42"));
    }

    [Fact]
    public void Sample_text_has_no_phone_outside_the_inventory_and_uses_most_English_phones()
    {
        var used = new HashSet<string>();
        foreach (var line in SampleTexts.Lines)
        {
            var sequence = _phonemizer.Phonemize(line); // throws UnknownPhonemesException on a gap
            Assert.NotEqual(0, sequence.Length);
            used.UnionWith(sequence.Symbols.Select(s => s.XSampa));
        }

        var englishPhones = EnglishUsPhonemes.Entries.TakeWhile(e => e.XSampa != "a").Where(e => e.Kind == PhonemeKind.Phone).Select(e => e.XSampa).ToList();
        Assert.True(used.Count(englishPhones.Contains) >= englishPhones.Count - 5, $"unused: {string.Join(" ", englishPhones.Except(used))}");
        Assert.Superset(new HashSet<string> { "\"", "%", "#", "|,", "|.", "|?", "|!", "|;", "|:" }, used);
    }

    /// <summary>Our IPA rendering of phones and stress spells exactly what espeak-ng writes.</summary>
    [Fact]
    public void Ipa_of_tokens_matches_espeaks_own_ipa()
    {
        var engine = EspeakEngine.Acquire(null);
        foreach (var line in SampleTexts.Lines)
        {
            var espeak = string.Concat(engine.TextToPhonemes("en-us", line, ipa: true).Select(c => c.Phonemes))
                .Replace(" ", string.Empty, StringComparison.Ordinal).Replace(EspeakEngine.PhonemeSeparator.ToString(), string.Empty, StringComparison.Ordinal);
            var ours = string.Concat(_phonemizer.Phonemize(line).Symbols.Where(s => s.Kind is PhonemeKind.Phone or PhonemeKind.Stress).Select(s => s.Ipa));
            Assert.Equal(espeak, ours);
        }
    }

    [Fact]
    public void Concurrent_callers_get_the_same_results_as_one_caller()
    {
        var texts = SampleTexts.Lines;
        var expected = texts.Select(_phonemizer.Phonemize).ToArray();
        using var other = new EspeakPhonemizer();
        var results = new ConcurrentDictionary<int, PhonemeSequence>();

        Parallel.For(0, texts.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var sequence = (i % 2 == 0 ? _phonemizer : other).Phonemize(texts[i % texts.Count]);
            Assert.Equal(expected[i % texts.Count], sequence);
            results[i] = sequence;
        });

        Assert.Equal(texts.Count * 4, results.Count);
    }

    [Fact]
    public void Results_do_not_depend_on_the_previous_text()
    {
        var fresh = _phonemizer.Phonemize("world");
        foreach (var previous in new[] { "Hello.", "x , y", "end...", "a (b", "He said \"no\"", "Stop!!", "wait -", "Բարեւ" })
        {
            try
            {
                _phonemizer.Phonemize(previous);
            }
            catch (PhonemeInputException)
            {
            }

            Assert.Equal(fresh, _phonemizer.Phonemize("world"));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t \r\n")]
    public void Empty_text_is_rejected(string text)
    {
        var error = Assert.Throws<EmptyTextException>(() => _phonemizer.Phonemize(text));
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Text_longer_than_the_limit_is_rejected_and_the_limit_is_configurable()
    {
        Assert.Equal(1000, new EspeakOptions().MaxTextLength);
        var error = Assert.Throws<TextTooLongException>(() => _phonemizer.Phonemize(new string('a', 1001)));
        Assert.Equal((1001, 1000), (error.Length, error.MaxLength));
        Assert.Contains("1001 characters, more than the limit of 1000", error.Message);

        using var small = new EspeakPhonemizer(new EspeakOptions { MaxTextLength = 11 });
        Assert.NotEqual(0, small.Phonemize("hello world").Length);
        Assert.Throws<TextTooLongException>(() => small.Phonemize("hello world!"));
        Assert.NotEqual(0, small.Phonemize("😀😀😀😀😀😀😀😀😀😀😀").Length); // 11 characters, 22 UTF-16 units
    }

    [Theory]
    [InlineData("?!")]
    [InlineData("... , ;")]
    [InlineData("\"()\"")]
    [InlineData("!!!")]
    public void Text_of_only_punctuation_has_no_speakable_content(string text)
    {
        var error = Assert.Throws<NoSpeakableContentException>(() => _phonemizer.Phonemize(text));
        Assert.Contains("no speakable content", error.Message);
    }

    [Fact]
    public void Symbols_alone_are_spoken() => Assert.Equal("d \" A: l @`", XSampa("$"));

    [Fact]
    public void Control_characters_cannot_reach_espeak()
    {
        Assert.Equal(XSampa("hello world"), XSampa("hello\u0001world"));
        Assert.Equal(XSampa("hello world"), XSampa("hello\0world"));
        Assert.Equal(XSampa("hello Vde world"), XSampa("hello\u0001Vde world")); // \u0001V would be a voice change
    }

    [Fact]
    public void Phoneme_brackets_are_read_as_text_not_as_espeak_phonemes() =>
        Assert.DoesNotContain("h @ l \" oU", XSampa("[[h@l'oU]]"));

    [Fact]
    public void Text_read_with_phones_outside_the_inventory_is_rejected_with_the_phones_and_language()
    {
        var error = Assert.Throws<UnknownPhonemesException>(() => _phonemizer.Phonemize("Բարեւ ձեզ"));
        Assert.Contains("dz", error.UnknownSymbols);
        Assert.Contains("another language (hy)", error.Message);
        Assert.Contains("espeak-ng-en-us/1", error.Message);
    }

    [Fact]
    public void Voice_is_configurable_by_name_or_language()
    {
        using var british = new EspeakPhonemizer(new EspeakOptions { Voice = "en-gb" });
        Assert.Equal(("en-gb", "gmw/en", "en-gb"), (british.Voice, british.VoiceIdentifier, british.VoiceLanguage));
        Assert.Equal("s \" I k s # b \" I g # b \" I t s", british.Phonemize("six big bits").ToXSampa());

        // en-gb has phones the en-us inventory lacks: a clear error, not a silent approximation.
        var error = Assert.Throws<UnknownPhonemesException>(() => british.Phonemize("I own a boat"));
        Assert.Contains("əʊ", error.UnknownSymbols);

        // Alternating voices does not leak one voice into the other.
        Assert.Equal("h @ l \" oU", XSampa("hello"));
        Assert.Equal("s \" I k s", british.Phonemize("six").ToXSampa());
        Assert.Equal("f \" o:r\\", XSampa("four"));
    }

    [Theory]
    [InlineData("xx-yy")]
    [InlineData("no such voice")]
    [InlineData("mb-us1")]
    [InlineData("../../etc/passwd")]
    public void Unknown_voice_is_rejected_and_leaves_espeak_usable(string voice)
    {
        var error = Assert.Throws<UnknownVoiceException>(() => new EspeakPhonemizer(new EspeakOptions { Voice = voice }));
        Assert.Equal(voice, error.Voice);
        Assert.Contains($"unknown espeak-ng voice '{voice}'", error.Message);
        Assert.Equal("h @ l \" oU", XSampa("hello"));
    }

    [Fact]
    public void Options_are_validated()
    {
        Assert.Throws<ArgumentException>(() => new EspeakPhonemizer(new EspeakOptions { MaxTextLength = 0 }));
        Assert.Throws<ArgumentException>(() => new EspeakPhonemizer(new EspeakOptions { Voice = " " }));
        var error = Assert.Throws<ArgumentException>(() => new EspeakPhonemizer(new EspeakOptions { DataPath = "/no/such/dir" }));
        Assert.Contains("/no/such/dir", error.Message);
    }

    [Fact]
    public void Data_path_may_name_the_data_directory_in_use()
    {
        using var explicitPath = new EspeakPhonemizer(new EspeakOptions { DataPath = _phonemizer.DataPath });
        Assert.Equal(XSampa("hello"), explicitPath.Phonemize("hello").ToXSampa());
    }

    [Fact]
    public void Inventory_without_the_needed_tokens_is_rejected()
    {
        var phonesOnly = PhonemeInventory.FromSymbols("phones/1", PhonemeInventory.EnglishUs.Symbols
            .Where(s => s.Kind is PhonemeKind.Padding or PhonemeKind.Phone or PhonemeKind.Stress)
            .Select((s, id) => s with { Id = id }).ToList());

        var error = Assert.Throws<ArgumentException>(() => new EspeakPhonemizer(new EspeakOptions { Inventory = phonesOnly }));
        Assert.Contains("has no token '#'", error.Message);
    }

    [Fact]
    public void Null_text_and_disposed_instances_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => _phonemizer.Phonemize(null!));
        var disposed = new EspeakPhonemizer();
        disposed.Dispose();
        Assert.Throws<ObjectDisposedException>(() => disposed.Phonemize("hello"));
        Assert.Equal("h @ l \" oU", XSampa("hello")); // espeak itself stays up
    }
}
