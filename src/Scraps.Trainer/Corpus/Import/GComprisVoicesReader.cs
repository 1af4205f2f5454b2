using System.Globalization;

namespace Scraps.Trainer.Corpus.Import;

/// <summary>
/// GCompris-voices, English (<c>en/</c>; words CC BY-SA 3.0 from Art4Apps, the rest GPL): single words
/// (<c>en/words/</c>), letters and numbers (<c>en/alphabet/</c>: <c>U0061.ogg</c> is "a", <c>10.ogg</c> "ten"), colours,
/// places and short praise (<c>en/colors/</c>, <c>en/geography/</c>, <c>en/misc/</c>). The transcript is the file
/// name (underscores are spaces); <c>en/intro/</c> is left out (its sentences are not in the names). Each folder's
/// README names the speaker of its files where it does; the words are Art4Apps'.
/// </summary>
internal static class GComprisVoicesReader
{
    public const string Name = "gcompris";
    private static readonly string[] Folders = ["words", "alphabet", "colors", "geography", "misc"];

    /// <summary>Names that are several words written together, and a letter that espeak-ng reads as the article.</summary>
    private static readonly Dictionary<string, string> Spoken = new(StringComparer.Ordinal)
    {
        ["waytogo"] = "way to go",
        ["outof"] = "out of",
        ["a"] = "A.",
    };

    private static readonly string[] Numbers =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
         "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

    public static bool Matches(string root) => Directory.Exists(Language(root)) && Folders.Any(f => Directory.Exists(Path.Combine(Language(root), f)));

    public static IEnumerable<ImportedUtterance> Read(string root, ICollection<string> problems)
    {
        foreach (var name in Folders)
        {
            var folder = Path.Combine(Language(root), name);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            var speakers = ReadmeSpeakers(Path.Combine(folder, "README"));
            // A file the README does not list is the folder's usual speaker's (the words are all Art4Apps').
            var usual = speakers.Count > 0
                ? speakers.Values.GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key
                : name == "words" ? "art4apps" : $"gcompris-{name}";
            foreach (var path in Directory.EnumerateFiles(folder, "*.ogg").Order(StringComparer.Ordinal))
            {
                var stem = Path.GetFileNameWithoutExtension(path);
                var text = name == "alphabet" ? Character(stem) : stem.Replace('_', ' ');
                if (text is null)
                {
                    problems.Add($"{path}: no word for '{stem}'");
                    continue;
                }

                text = Spoken.GetValueOrDefault(text, text);
                var speaker = speakers.GetValueOrDefault(Path.GetFileName(path)) ?? usual;
                yield return new ImportedUtterance($"{Name}-{name}-{stem}", path, text, speaker, Split: null) { Source = Name };
            }
        }
    }

    /// <summary>"U0061" is the character U+0061; "10" the number ten.</summary>
    private static string? Character(string stem)
    {
        if (stem.StartsWith('U') && int.TryParse(stem.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) && code is > 0x20 and < 0x7F)
        {
            var c = (char)code;
            return char.IsAsciiDigit(c) ? Numbers[c - '0'] : c.ToString();
        }

        return int.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number < Numbers.Length ? Numbers[number] : null;
    }

    /// <summary>README lines "FILE.ogg   Speaker Name 2011 / licence": the speaker, as a lower-case id.</summary>
    private static Dictionary<string, string> ReadmeSpeakers(string readme)
    {
        var speakers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(readme))
        {
            return speakers;
        }

        foreach (var line in File.ReadLines(readme))
        {
            var columns = line.Trim('\uFEFF', ' ').Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (columns.Length < 2 || !columns[0].EndsWith(".ogg", StringComparison.Ordinal))
            {
                continue;
            }

            var who = columns[1].Split('/')[0].Trim();
            var words = who.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.All(char.IsAsciiDigit)).ToArray();
            if (words.Length > 0)
            {
                speakers[columns[0]] = string.Join('-', words).ToLowerInvariant();
            }
        }

        return speakers;
    }

    private static string Language(string root) => Path.Combine(root, "en");
}
