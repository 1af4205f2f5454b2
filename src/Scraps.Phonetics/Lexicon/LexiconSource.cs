namespace Scraps.Phonetics.Lexicon;

/// <summary>
/// Opens the pronunciation lexicon a user names: a saved lexicon (<see cref="PronunciationLexicon.Save"/>), or a
/// CMU-dictionary-format word list whose words are phonemised with espeak-ng on the spot; by default the CMU list that
/// Debian's pocketsphinx-en-us ships (134k entries, ~125k distinct words).
/// </summary>
public static class LexiconSource
{
    /// <summary>Where Debian's pocketsphinx-en-us puts the CMU pronunciation dictionary.</summary>
    public const string DebianCmuDictionary = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict";

    /// <exception cref="FileNotFoundException">No such file (for the default: pocketsphinx-en-us is not installed).</exception>
    /// <exception cref="InvalidDataException">A saved lexicon for another inventory, or a malformed one.</exception>
    public static PronunciationLexicon Open(string? path, PhonemeInventory inventory, Func<IPhonemizer> phonemizer)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(phonemizer);
        var file = path ?? DebianCmuDictionary;
        if (!File.Exists(file))
        {
            throw new FileNotFoundException(path is null
                ? $"No pronunciation lexicon given and {DebianCmuDictionary} is missing: install pocketsphinx-en-us (apt-get install pocketsphinx-en-us) or pass a lexicon file."
                : $"Pronunciation lexicon not found: {file}", file);
        }
        if ((File.ReadLines(file).FirstOrDefault() ?? string.Empty).StartsWith(PronunciationLexicon.Header, StringComparison.Ordinal))
        {
            return PronunciationLexicon.Load(file, inventory);
        }
        return PronunciationLexicon.Build(PronunciationLexicon.ReadCmuWords(file), phonemizer(), Path.GetFullPath(file), out _);
    }
}
