namespace Scraps.Phonetics;

/// <summary>Settings of an <see cref="EspeakPhonemizer"/>; checked by its constructor.</summary>
public sealed class EspeakOptions
{
    /// <summary>espeak-ng voice name or language, e.g. "en-us" (default), "en-gb-x-rp", "gmw/en-US".</summary>
    public string Voice { get; set; } = "en-us";

    /// <summary>Longest text accepted, in characters (Unicode scalar values).</summary>
    public int MaxTextLength { get; set; } = 1000;

    /// <summary>Directory that contains espeak-ng-data (or that directory itself); null for the system default.
    /// One process uses one data directory.</summary>
    public string? DataPath { get; set; }

    /// <summary>Tokens to map espeak's output onto; null for <see cref="PhonemeInventory.EnglishUs"/>.
    /// Another voice may produce phones this inventory lacks, which <see cref="EspeakPhonemizer.Phonemize"/> reports.</summary>
    public PhonemeInventory? Inventory { get; set; }

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Voice))
        {
            throw new ArgumentException("EspeakOptions.Voice is empty; use an espeak-ng voice such as \"en-us\"", nameof(Voice));
        }

        if (MaxTextLength < 1)
        {
            throw new ArgumentException($"EspeakOptions.MaxTextLength is {MaxTextLength}; it must be at least 1", nameof(MaxTextLength));
        }

        if (DataPath is not null
            && !File.Exists(Path.Combine(DataPath, "phontab"))
            && !File.Exists(Path.Combine(DataPath, "espeak-ng-data", "phontab")))
        {
            throw new ArgumentException(
                $"EspeakOptions.DataPath '{DataPath}' holds no espeak-ng data (no phontab in it or in its espeak-ng-data folder)", nameof(DataPath));
        }
    }
}
