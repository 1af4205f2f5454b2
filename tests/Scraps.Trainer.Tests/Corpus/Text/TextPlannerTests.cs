using Scraps.Trainer.Corpus.Synthesis;
using Scraps.Trainer.Corpus.Text;

namespace Scraps.Trainer.Tests.Corpus.Text;

public class TextPlannerTests
{
    private static readonly TextSentence[] Sentences = Enumerable.Range(0, 50)
        .Select(i => new TextSentence($"This is sentence {NumberWords.Cardinal(i)} of the test.", "text/t.txt")).ToArray();

    private static readonly WordLists Words = new(["window"], ["Anna"], ["Boston"]);

    [Fact]
    public void Each_clip_gets_its_scheduled_kind_and_a_passage_fills_its_time()
    {
        var planner = new TextPlanner(Sentences, Words, TextKinds.DefaultShares, 3);
        for (var i = 0; i < 200; i++)
        {
            var text = planner.Plan(i, SeededRandom.For(3, "clip", i), charactersPerSecond: 17, paddingSeconds: 0);
            Assert.Equal(planner.KindOf(i), text.Kind);
            Assert.NotEmpty(text.Sources);
            if (text.Kind == TextKinds.Passage)
            {
                Assert.InRange(text.Text.Length / 17.0, 10, 25);
            }
        }
    }

    [Fact]
    public void The_word_kind_needs_word_lists() =>
        Assert.Throws<ArgumentException>(() => new TextPlanner(Sentences, WordLists.Empty, TextKinds.DefaultShares, 1));
}
