namespace Scraps.Phonetics.Espeak;

/// <summary>What one espeak_TextToPhonemes call returned.</summary>
/// <param name="Phonemes">The clause's phonemes: words separated by spaces, phonemes by <see cref="EspeakEngine.PhonemeSeparator"/>.</param>
/// <param name="ConsumedText">The text espeak read during the call: the clause, its punctuation, and (unless
/// <paramref name="IsLast"/>) the following white space plus one character that it reads again for the next clause.</param>
/// <param name="IsLast">True for the call that reached the end of the text.</param>
internal readonly record struct EspeakClause(string Phonemes, string ConsumedText, bool IsLast);
