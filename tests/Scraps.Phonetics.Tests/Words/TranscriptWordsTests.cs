using Scraps.Phonetics.Words;

namespace Scraps.Phonetics.Tests.Words;

public sealed class TranscriptWordsTests
{
    private static readonly EspeakPhonemizer Espeak = new();

    private static string[] Said(PhonemizedTranscript t) =>
        t.Words.Select(w => $"{w.Text}={string.Join(' ', t.Sequence.Symbols.Skip(w.Start).Take(w.End - w.Start).Select(s => s.XSampa))}").ToArray();

    [Fact]
    public void Every_written_word_gets_its_own_tokens_with_its_stress_and_without_pauses()
    {
        var t = TranscriptWords.Phonemize(Espeak, "Alexa, end this call on my phone.");

        Assert.Equal(
            ["Alexa=6 l \" E k s @", "end=\" E n d", "this=D I s", "call=k \" O: l", "on=% O n", "my=m aI", "phone=f \" oU n"],
            Said(t));
    }

    [Fact]
    public void Words_espeak_joins_are_split_and_words_it_expands_keep_all_their_tokens()
    {
        var t = TranscriptWords.Phonemize(Espeak, "It's one of the best, 123 times!");

        // espeak-ng says "of the" as one group and 123 as "one hundred and twenty three".
        Assert.Equal(["It's", "one", "of", "the", "best", "123", "times"], t.Words.Select(w => w.Text));
        Assert.Equal("of=V v", Said(t)[2]);
        Assert.Equal("the=D @", Said(t)[3]);
        Assert.StartsWith("123=w \" V n h \" V n d r\\ I d", Said(t)[5], StringComparison.Ordinal);
        Assert.All(t.Words.Zip(t.Words.Skip(1)), p => Assert.True(p.First.End <= p.Second.Start));
    }

    [Fact]
    public void Symbols_without_speech_are_not_words_and_phoneme_strings_split_at_boundaries()
    {
        var t = TranscriptWords.Phonemize(Espeak, "Dr. Smith paid $42 — twice.");
        Assert.Equal(["Dr", "Smith", "paid", "$42", "twice"], t.Words.Select(w => w.Text));

        var groups = TranscriptWords.FromPhonemes(XSampaParser.Parse("h @ \" l oU |, w \" 3: l d |.", PhonemeInventory.EnglishUs));
        Assert.Equal(["h @ \" l oU", "w \" 3: l d"], groups.Words.Select(w => w.Text));
        Assert.Equal([(0, 5), (6, 11)], groups.Words.Select(w => (w.Start, w.End)));
    }
}
