using Scraps.Trainer.Corpus.Synthesis;
using Scraps.Trainer.Corpus.Text;

namespace Scraps.Trainer.Tests.Corpus.Text;

public class PassageBuilderTests
{
    private static readonly TextSentence[] Sentences = Enumerable.Range(0, 40)
        .Select(i => new TextSentence($"Sentence number {NumberWords.Cardinal(i)} of the story goes on here.", i < 20 ? "fortunes/a" : "fortunes/b")).ToArray();

    [Fact]
    public void A_passage_is_consecutive_sentences_close_to_the_target_length()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var (text, sources) = PassageBuilder.Build(Sentences, 300, new SeededRandom((ulong)seed));
            Assert.InRange(text.Length, 300 - 30, 300 + 30);
            var parts = text.Split(". ").Select(p => p.TrimEnd('.') + ".").ToArray();
            var first = Array.FindIndex(Sentences, s => s.Text == parts[0]);
            Assert.Equal(Enumerable.Range(first, parts.Length).Select(i => Sentences[i % Sentences.Length].Text), parts);
            Assert.InRange(sources.Count, 1, 2);
        }
    }
}
