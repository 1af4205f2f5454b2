using System.Globalization;
using System.Text;

namespace Scraps.Phonetics.Lexicon;

/// <summary>
/// Words with their pronunciation in one phoneme inventory, as the G2P says each word alone. Built from a word list
/// (e.g. the CMU dictionary that Debian's pocketsphinx-en-us ships) by phonemising every word with espeak-ng, so the
/// pronunciations are the ones the phonetic encoder sees. The source of near-miss words: hard negatives in training,
/// close substitutions in evaluation. Saved as a small text file: a header line, then "word TAB X-SAMPA" lines.
/// </summary>
public sealed class PronunciationLexicon
{
    /// <summary>The first line of a saved lexicon (followed by key=value fields).</summary>
    public const string Header = "# scraps-lexicon/1";

    private readonly Dictionary<string, LexiconEntry> _byWord;

    public PronunciationLexicon(PhonemeInventory inventory, IEnumerable<LexiconEntry> entries, string source)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(entries);
        Inventory = inventory;
        Source = source;
        _byWord = new Dictionary<string, LexiconEntry>(StringComparer.Ordinal);
        var list = new List<LexiconEntry>();
        foreach (var entry in entries)
        {
            if (entry.Phones.Length == 0 || !_byWord.TryAdd(entry.Word, entry))
            {
                continue;
            }

            list.Add(entry);
        }
        Entries = list.AsReadOnly();
    }

    public PhonemeInventory Inventory { get; }

    /// <summary>Where the words came from (file and G2P), for records.</summary>
    public string Source { get; }

    public IReadOnlyList<LexiconEntry> Entries { get; }

    public bool TryGet(string word, out LexiconEntry entry) => _byWord.TryGetValue(Normalize(word), out entry!);

    /// <summary>Lower-case spelling without surrounding punctuation: how words are keyed.</summary>
    public static string Normalize(string word) => word.Trim().Trim('"', '\'', ',', '.', '!', '?', ';', ':', '(', ')', '[', ']').ToLowerInvariant();

    /// <summary>Tokens and phones of one phonemised word: stress and phones kept, boundaries and pauses dropped.</summary>
    public static LexiconEntry ToEntry(string word, PhonemeSequence sequence)
    {
        var tokens = sequence.Symbols.Where(s => s.Kind is PhonemeKind.Phone or PhonemeKind.Stress).Select(s => s.Id).ToArray();
        var phones = sequence.Symbols.Where(s => s.Kind == PhonemeKind.Phone).Select(s => s.Id).ToArray();
        return new LexiconEntry(word, tokens, phones);
    }

    /// <summary>
    /// Phonemises every word of <paramref name="words"/> alone; words the G2P cannot say in this inventory are
    /// skipped (counted in <paramref name="skipped"/>).
    /// </summary>
    public static PronunciationLexicon Build(IEnumerable<string> words, IPhonemizer phonemizer, string source, out int skipped)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(phonemizer);
        var entries = new List<LexiconEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        skipped = 0;
        foreach (var raw in words)
        {
            var word = Normalize(raw);
            if (word.Length == 0 || !seen.Add(word))
            {
                continue;
            }

            try
            {
                entries.Add(ToEntry(word, phonemizer.Phonemize(word)));
            }
            catch (PhonemeInputException)
            {
                skipped++;
            }
        }
        return new PronunciationLexicon(phonemizer.Inventory, entries, $"{source}; {EspeakPhonemizerName(phonemizer)}");
    }

    /// <summary>
    /// The words of a CMU-dictionary-format file ("word PHONES", alternates as "word(2)"): alphabetic words (an
    /// apostrophe allowed inside), each once, in file order.
    /// </summary>
    public static IEnumerable<string> ReadCmuWords(string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var end = line.IndexOfAny([' ', '\t']);
            var word = (end < 0 ? line : line[..end]).ToLowerInvariant();
            var paren = word.IndexOf('(', StringComparison.Ordinal);
            if (paren >= 0)
            {
                word = word[..paren];
            }

            if (word.Length == 0 || !char.IsLetter(word[0]) || !char.IsLetter(word[^1]))
            {
                continue;
            }

            if (!word.All(c => char.IsAsciiLetterLower(c) || c == '\''))
            {
                continue;
            }

            if (seen.Add(word))
            {
                yield return word;
            }
        }
    }

    public void Save(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)))
        {
            writer.Write(Header);
            writer.Write($" inventory={Inventory.Version} entries={Entries.Count.ToString(CultureInfo.InvariantCulture)} source={Source.Replace('\n', ' ')}\n");
            foreach (var e in Entries)
            {
                writer.Write(e.Word);
                writer.Write('\t');
                writer.Write(string.Join(' ', e.Tokens.Select(id => Inventory[id].XSampa)));
                writer.Write('\n');
            }
        }
        File.Move(temp, full, overwrite: true);
    }

    /// <exception cref="InvalidDataException">Not a lexicon file, another inventory, or a malformed line (named).</exception>
    public static PronunciationLexicon Load(string path, PhonemeInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? string.Empty;
        if (!header.StartsWith(Header, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path} is not a pronunciation lexicon (its first line should start with '{Header}').");
        }

        var fields = header[Header.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var version = fields.FirstOrDefault(f => f.StartsWith("inventory=", StringComparison.Ordinal))?["inventory=".Length..];
        if (version != inventory.Version)
        {
            throw new InvalidDataException($"{path} was built for phoneme inventory '{version}', not '{inventory.Version}': rebuild it.");
        }

        var sourceAt = header.IndexOf(" source=", StringComparison.Ordinal);
        var source = sourceAt < 0 ? path : header[(sourceAt + 8)..];
        var entries = new List<LexiconEntry>();
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                throw new InvalidDataException($"{path}:{number}: expected 'word<TAB>phonemes'.");
            }

            PhonemeSequence sequence;
            try
            {
                sequence = XSampaParser.Parse(line[(tab + 1)..], inventory);
            }
            catch (PhonemeInputException e)
            {
                throw new InvalidDataException($"{path}:{number}: {e.Message}", e);
            }
            entries.Add(ToEntry(line[..tab], sequence));
        }
        return new PronunciationLexicon(inventory, entries, source);
    }

    private static string EspeakPhonemizerName(IPhonemizer phonemizer) => $"G2P {phonemizer.Voice} {phonemizer.EngineVersion}";
}
