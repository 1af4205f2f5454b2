using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Corpus.Text;

/// <summary>
/// Single-word and name clips: a common word ("window"), a first name ("Siobhan"), a first name and surname or place
/// ("Ahmed Franklin"), or a surname or place alone. Written as users type them: no final punctuation.
/// </summary>
internal static class WordTextGenerator
{
    // Text sources as the manifest and corpus.json record them (the synthesizer maps each to its file and package).
    internal const string Word = WordLists.WordListPackage + ":word";
    internal const string FirstName = WordLists.NameListPackage + ":first-name";
    internal const string ProperNoun = WordLists.WordListPackage + ":proper-noun";

    public static (string Text, IReadOnlyList<string> Sources) Generate(SeededRandom random, WordLists lists) => random.Next(5) switch
    {
        0 or 1 => (random.Pick(lists.Words), [Word]),
        2 => (random.Pick(lists.FirstNames), [FirstName]),
        3 => ($"{random.Pick(lists.FirstNames)} {random.Pick(lists.Surnames)}", [FirstName, ProperNoun]),
        _ => (random.Pick(lists.Surnames), [ProperNoun]),
    };
}
