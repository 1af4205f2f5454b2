using Scraps.Trainer.Corpus.Text;

namespace Scraps.Trainer.Tests.Corpus.Text;

public class SentenceSplitterTests
{
    [Fact]
    public void Splits_at_sentence_ends_followed_by_a_capital()
    {
        var sentences = SentenceSplitter.Split("It rained. Then it stopped! Did it? yes it did.").ToArray();
        Assert.Equal(["It rained.", "Then it stopped!", "Did it? yes it did."], sentences);
    }

    [Fact]
    public void Keeps_abbreviations_and_initials_inside_a_sentence()
    {
        var sentences = SentenceSplitter.Split("Mr. Brown met J. Smith today. They talked.").ToArray();
        Assert.Equal(["Mr. Brown met J. Smith today.", "They talked."], sentences);
    }

    [Fact]
    public void Keeps_closing_quotes_with_their_sentence_and_normalizes_typography()
    {
        var sentences = SentenceSplitter.Split("He said \u201Cstop.\u201D   She\u2019s   gone. ``Why?'' he asked.").ToArray();
        Assert.Equal(["He said \"stop.\"", "She's gone.", "\"Why?\" he asked."], sentences);
    }
}
