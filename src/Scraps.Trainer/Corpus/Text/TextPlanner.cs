using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Corpus.Text;

/// <summary>
/// Decides what clip i says: its kind from <see cref="TextKindSchedule"/>, its words from the generator of that kind,
/// all drawn from the clip's own generator. Read sentences follow a seeded permutation of the sentences, so no
/// sentence repeats before every one was read.
/// </summary>
internal sealed class TextPlanner
{
    /// <summary>Passages aim at 11.5-22 s including silence padding, inside the 10-25 s with room for the
    /// error of the characters-per-second estimate (about 10%, measured on espeak-ng, flite and festival voices).</summary>
    public const double PassageMinSeconds = 11.5;
    public const double PassageMaxSeconds = 22;

    private readonly IReadOnlyList<TextSentence> _sentences;
    private readonly WordLists _words;
    private readonly TextKindSchedule _schedule;
    private readonly int[] _order;
    private readonly List<int> _sentenceRank = [0];

    public TextPlanner(IReadOnlyList<TextSentence> sentences, WordLists words, IReadOnlyDictionary<string, double> shares, long seed)
    {
        if (sentences.Count == 0)
        {
            throw new ArgumentException("the text sources hold no sentence");
        }

        if (shares.GetValueOrDefault(TextKinds.Word) > 0 && words.Words.Count == 0)
        {
            throw new ArgumentException("--text-kinds: the word kind needs the word and name lists (--word-list, --name-list)");
        }

        _sentences = sentences;
        _words = words;
        _schedule = new TextKindSchedule(shares, seed);
        _order = Permutation(sentences.Count, SeededRandom.For(seed, "texts", 0));
    }

    public string KindOf(int index) => _schedule.KindOf(index);

    /// <param name="charactersPerSecond">The clip's expected speaking rate in characters per second (voice, rate, tempo).</param>
    /// <param name="paddingSeconds">Silence the clip will get around the speech.</param>
    public PlannedText Plan(int index, SeededRandom random, double charactersPerSecond, double paddingSeconds)
    {
        var kind = KindOf(index);
        switch (kind)
        {
            case TextKinds.Sentence:
                var sentence = _sentences[_order[SentenceRank(index) % _sentences.Count]];
                return new PlannedText(kind, sentence.Text, [sentence.Source]);
            case TextKinds.Word:
                var (word, wordSources) = WordTextGenerator.Generate(random, _words);
                return new PlannedText(kind, word, wordSources);
            case TextKinds.Number:
                var (number, numberKind) = NumberTextGenerator.Generate(random);
                return new PlannedText(kind, number, [$"generated:number/{numberKind}"]);
            case TextKinds.Command:
                return new PlannedText(kind, CommandTextGenerator.Generate(random, _words.FirstNames), ["generated:command"]);
            case TextKinds.Spontaneous:
                var (spoken, spokenSources) = SpontaneousTextGenerator.Generate(random, random.Pick(_sentences));
                return new PlannedText(kind, spoken, spokenSources);
            default:
                var seconds = random.Uniform(PassageMinSeconds, PassageMaxSeconds) - paddingSeconds;
                var (passage, passageSources) = PassageBuilder.Build(_sentences, (int)(Math.Max(seconds, PassageMinSeconds / 2) * charactersPerSecond), random);
                return new PlannedText(kind, passage, passageSources);
        }
    }

    /// <summary>How many sentence-kind clips come before clip <paramref name="index"/>, extended as clips are planned.</summary>
    private int SentenceRank(int index)
    {
        lock (_sentenceRank)
        {
            while (_sentenceRank.Count <= index)
            {
                var previous = _sentenceRank.Count - 1;
                _sentenceRank.Add(_sentenceRank[previous] + (KindOf(previous) == TextKinds.Sentence ? 1 : 0));
            }

            return _sentenceRank[index];
        }
    }

    private static int[] Permutation(int count, SeededRandom random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}
