namespace Scraps.Phonetics.Lexicon;

/// <summary>
/// One word of a <see cref="PronunciationLexicon"/>: its spelling, its tokens as espeak-ng says the word alone (stress
/// marks included, no word boundaries or pauses) and the phones among them (what edit distances are counted on).
/// </summary>
public sealed record LexiconEntry(string Word, int[] Tokens, int[] Phones);
