namespace Scraps.Phonetics;

/// <summary>Turns text into a sequence of tokens of one phoneme inventory. Implementations are thread-safe.</summary>
public interface IPhonemizer
{
    /// <summary>The inventory every returned token belongs to.</summary>
    PhonemeInventory Inventory { get; }

    /// <summary>The grapheme-to-phoneme voice (language and accent), e.g. "en-us".</summary>
    string Voice { get; }

    /// <summary>Version of the grapheme-to-phoneme engine, recorded with a model.</summary>
    string EngineVersion { get; }

    /// <summary>Converts <paramref name="text"/> to tokens.</summary>
    /// <exception cref="PhonemeInputException">The text is empty, too long, has nothing to say,
    /// or produces phonemes outside <see cref="Inventory"/>.</exception>
    PhonemeSequence Phonemize(string text);
}
