using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Corpus.Text;

/// <summary>
/// Long read passages: consecutive sentences of the text sources, from a random start, as many as bring the passage
/// closest to a target length in characters (the planner converts its 10-25 s target through the voice's speaking rate).
/// Consecutive sentences keep a fortune's or a text file's sentences together, so a passage reads as connected text.
/// </summary>
internal static class PassageBuilder
{
    public static (string Text, IReadOnlyList<string> Sources) Build(IReadOnlyList<TextSentence> sentences, int targetCharacters, SeededRandom random)
    {
        var start = random.Next(sentences.Count);
        var parts = new List<string>();
        var sources = new List<string>();
        var length = 0;
        for (var i = 0; i < sentences.Count && length < targetCharacters; i++)
        {
            var sentence = sentences[(start + i) % sentences.Count];
            // Stop short of the target when the next sentence would overshoot it by more than the passage falls short.
            if (parts.Count > 0 && length + sentence.Text.Length + 1 - targetCharacters > targetCharacters - length)
            {
                break;
            }

            parts.Add(sentence.Text);
            length += sentence.Text.Length + 1;
            if (!sources.Contains(sentence.Source))
            {
                sources.Add(sentence.Source);
            }
        }

        return (string.Join(' ', parts), sources);
    }
}
