namespace Scraps.Phonetics.Tests;

/// <summary>The varied English sample (Data/english_sample.txt): names, numbers, abbreviations, symbols, loan words.</summary>
internal static class SampleTexts
{
    public static readonly IReadOnlyList<string> Lines =
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "english_sample.txt")).Where(l => l.Length > 0).ToArray();

    /// <summary>Phones only (no stress, word boundaries or pauses), as X-SAMPA.</summary>
    public static string Phones(PhonemeSequence sequence) =>
        string.Join(' ', sequence.Symbols.Where(s => s.Kind == PhonemeKind.Phone).Select(s => s.XSampa));
}
