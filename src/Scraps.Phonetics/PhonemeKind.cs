namespace Scraps.Phonetics;

/// <summary>What a token of a <see cref="PhonemeInventory"/> stands for.</summary>
public enum PhonemeKind
{
    /// <summary>Id 0: fills padded positions of a batch; never produced by a phonemizer.</summary>
    Padding,

    /// <summary>A speech sound (consonant, vowel, diphthong, syllabic consonant).</summary>
    Phone,

    /// <summary>A stress mark (primary or secondary), placed before the stressed vowel.</summary>
    Stress,

    /// <summary>The boundary between two words of one clause.</summary>
    WordBoundary,

    /// <summary>The end of a clause, one token per kind of clause punctuation (, . ? ! ; :).</summary>
    Pause,
}
