using System.IO.Compression;

namespace Scraps.Trainer.Corpus.Text;

/// <summary>
/// The vocabularies of single-word and name clips, from Debian packages: common words are the entries of the
/// word list (wamerican's /usr/share/dict/american-english) that the text sources also use, which keeps rare and
/// archaic entries out; names are the first names of miscfiles' propernames list and the capitalised entries of the
/// word list (surnames and places).
/// </summary>
internal sealed record WordLists(IReadOnlyList<string> Words, IReadOnlyList<string> FirstNames, IReadOnlyList<string> Surnames)
{
    public const string DefaultWordList = "/usr/share/dict/american-english";
    public const string DefaultNameList = "/usr/share/dict/propernames.gz";
    public const string WordListPackage = "wamerican";
    public const string NameListPackage = "miscfiles";

    public static readonly WordLists Empty = new([], [], []);

    /// <exception cref="FileNotFoundException">A list does not exist (with the package that installs the default one).</exception>
    /// <exception cref="InvalidDataException">The lists hold no usable word.</exception>
    public static WordLists Load(string wordList, string nameList, IReadOnlyList<TextSentence> sentences)
    {
        var entries = ReadLines(wordList, "--word-list", WordListPackage, DefaultWordList);
        var names = ReadLines(nameList, "--name-list", NameListPackage, DefaultNameList);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            foreach (var token in sentence.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                used.Add(token.Trim(',', '.', ';', ':', '!', '?', '\'', '-').ToLowerInvariant());
            }
        }

        var words = entries.Where(w => IsSpeakable(w) && char.IsAsciiLetterLower(w[0]) && w.Length >= 2 && used.Contains(w))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var firstNames = names.Where(n => IsSpeakable(n) && char.IsAsciiLetterUpper(n[0])).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var firstNameSet = firstNames.ToHashSet(StringComparer.Ordinal);
        var surnames = entries.Where(w => IsSpeakable(w) && char.IsAsciiLetterUpper(w[0]) && w.Length >= 3 && !firstNameSet.Contains(w))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (words.Length == 0 || firstNames.Length == 0 || surnames.Length == 0)
        {
            throw new InvalidDataException(
                $"--word-list {wordList} and --name-list {nameList} give {words.Length} common words, {firstNames.Length} first names and {surnames.Length} surnames; each needs at least one");
        }

        return new WordLists(words, firstNames, surnames);
    }

    /// <summary>
    /// Plain words only: ASCII letters with at most one inner capital, no apostrophes (possessives), and a vowel
    /// letter, since espeak-ng spells a vowelless entry ("nth", "Pvt") letter by letter while flite and festival may not.
    /// </summary>
    internal static bool IsSpeakable(string word) =>
        word.Length is > 0 and <= 14 && word.All(char.IsAsciiLetter) && word.Count(char.IsAsciiLetterUpper) <= 1
        && word.Any(c => "aeiouyAEIOUY".Contains(c));

    private static List<string> ReadLines(string path, string option, string package, string defaultPath)
    {
        if (!File.Exists(path))
        {
            var hint = path == defaultPath ? $"install the Debian package {package} or pass {option} FILE" : $"pass an existing file to {option}";
            throw new FileNotFoundException($"{option}: {path} not found ({hint}, or leave out the word kind with --text-kinds word=0)", path);
        }

        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } entry)
            {
                lines.Add(entry);
            }
        }

        return lines;
    }
}
