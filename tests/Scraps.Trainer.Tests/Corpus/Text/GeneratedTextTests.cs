using Scraps.Phonetics;
using Scraps.Trainer.Corpus.Synthesis;
using Scraps.Trainer.Corpus.Text;

namespace Scraps.Trainer.Tests.Corpus.Text;

/// <summary>What the generators write must be plain words that espeak-ng phonemises, with no digits or symbols.</summary>
public class GeneratedTextTests
{
    private static readonly TextSentence Fortune = new("The early bird catches the worm, but the second mouse gets the cheese.", "fortunes/test");
    private static readonly WordLists Words = new(["window", "apple", "music"], ["Siobhan", "Ahmed", "Margaret"], ["Franklin", "Boston"]);

    public static TheoryData<string> Kinds() => [TextKinds.Word, TextKinds.Number, TextKinds.Command, TextKinds.Spontaneous];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Generated_text_is_plain_words_that_espeak_phonemises(string kind)
    {
        using var phonemizer = new EspeakPhonemizer();
        var texts = Enumerable.Range(0, 300).Select(i => Generate(kind, SeededRandom.For(1, kind, i))).ToArray();
        foreach (var text in texts)
        {
            Assert.All(text, c => Assert.True(char.IsAsciiLetter(c) || c is ' ' or '\'' or '-' or ',' or '.' or '?' or '!', $"'{c}' in \"{text}\""));
            Assert.True(phonemizer.Phonemize(text).Length > 0, text);
        }

        // The word kind draws from the three-word lists above; the generators draw from their own vocabularies.
        var expected = kind == TextKinds.Word ? 10 : 100;
        Assert.True(texts.Distinct().Count() > expected, $"{kind}: only {texts.Distinct().Count()} different texts in 300");
    }

    [Fact]
    public void Number_texts_cover_every_sub_kind()
    {
        var kinds = Enumerable.Range(0, 400).Select(i => NumberTextGenerator.Generate(SeededRandom.For(2, "n", i)).Kind).Distinct().Order();
        Assert.Equal(NumberTextGenerator.Kinds.Order(), kinds);
    }

    [Fact]
    public void Spontaneous_text_has_fillers_repetitions_or_restarts()
    {
        var texts = Enumerable.Range(0, 300).Select(i => SpontaneousTextGenerator.Generate(SeededRandom.For(3, "s", i), Fortune)).ToArray();
        Assert.Contains(texts, t => t.Text.Contains(" uh", StringComparison.Ordinal) || t.Text.Contains(" um", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Text.Contains("I mean", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Text.Split(' ').Zip(t.Text.Split(' ').Skip(1)).Any(p => p.First == p.Second));
        Assert.Contains(texts, t => t.Sources.SequenceEqual([Fortune.Source, SpontaneousTextGenerator.DisfluencySource]));
        Assert.Contains(texts, t => t.Sources.SequenceEqual([SpontaneousTextGenerator.TemplateSource]));
        Assert.All(texts, t => Assert.NotEqual(Fortune.Text, t.Text));
    }

    [Fact]
    public void Word_clips_are_single_words_or_names_without_punctuation()
    {
        var texts = Enumerable.Range(0, 200).Select(i => WordTextGenerator.Generate(SeededRandom.For(4, "w", i), Words).Text).ToArray();
        Assert.All(texts, t => Assert.InRange(t.Split(' ').Length, 1, 2));
        Assert.All(texts, t => Assert.All(t, c => Assert.True(char.IsAsciiLetter(c) || c == ' ')));
        Assert.Contains("window", texts);
        Assert.Contains(texts, t => t.StartsWith("Siobhan ", StringComparison.Ordinal));
    }

    private static string Generate(string kind, SeededRandom random) => kind switch
    {
        TextKinds.Word => WordTextGenerator.Generate(random, Words).Text,
        TextKinds.Number => NumberTextGenerator.Generate(random).Text,
        TextKinds.Command => CommandTextGenerator.Generate(random, Words.FirstNames),
        _ => SpontaneousTextGenerator.Generate(random, Fortune).Text,
    };
}
