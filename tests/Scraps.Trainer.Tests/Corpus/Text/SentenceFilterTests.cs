using Scraps.Trainer.Corpus.Text;

namespace Scraps.Trainer.Tests.Corpus.Text;

public class SentenceFilterTests
{
    [Theory]
    [InlineData("The quick brown fox jumps over the lazy dog.")]
    [InlineData("Don't count your chickens before they hatch!")]
    [InlineData("Is this the real life, or is this just fantasy?")]
    public void Keeps_plain_english_sentences(string sentence) => Assert.Equal(sentence, SentenceFilter.Clean(sentence));

    [Theory]
    [InlineData("Visit http://example.com for more details today.")]
    [InlineData("In 1984 the world changed a great deal for us.")]
    [InlineData("int main() { return 0; } is the smallest program.")]
    [InlineData("The NASA budget was cut again this very year.")]
    [InlineData("Caf\u00e9 society is what we had in mind back then.")]
    [InlineData("Too short.")]
    [InlineData("This sentence has no final punctuation at all here")]
    [InlineData("Q: What is the meaning of life and all that?")]
    [InlineData("Use abbreviations e.g. like this in a sentence.")]
    [InlineData("Dr. Smith will see you now in the other room.")]
    [InlineData("Cynic, n.: a blackguard whose faulty vision sees things.")]
    [InlineData("He screamed Helllloooo across the whole valley.")]
    [InlineData("Price is $5 or 10% off for everyone who comes.")]
    public void Rejects_text_that_engines_would_read_differently_or_junk(string sentence) => Assert.Null(SentenceFilter.Clean(sentence));

    [Fact]
    public void Rejects_sentences_longer_than_twenty_seconds_of_speech()
    {
        var longSentence = string.Join(' ', Enumerable.Repeat("word", SentenceFilter.MaxWords + 1)) + ".";
        Assert.Null(SentenceFilter.Clean(longSentence));
    }

    [Fact]
    public void Drops_quotes_and_brackets_and_turns_dashes_into_pauses()
    {
        Assert.Equal("He said hello there, and left the room.", SentenceFilter.Clean("He said \"hello there\" -- and left (the room)."));
    }
}
