using System.Text;

namespace Scraps.Phonetics.Tests;

/// <summary>Renders src/Scraps.Phonetics/phonemes.md from the en-us inventory table.</summary>
internal static class PhonemeTableDocument
{
    public static string Render()
    {
        var inventory = PhonemeInventory.EnglishUs;
        var text = new StringBuilder();
        text.Append($$"""
            # Phoneme inventory `{{inventory.Version}}`

            Generated from `EnglishUsPhonemes.cs` by `PhonemeTableDocumentTests` (run the tests with
            `SCRAPS_UPDATE_PHONEME_DOC=1` to rewrite this file); do not edit by hand.

            {{inventory.Count}} tokens, ids 0..{{inventory.Count - 1}}. The phonetic encoder sees only the ids; X-SAMPA is what users type
            (space-separated) and what `scraps phonemize` prints, IPA is for reading (`--ipa`).

            How `EspeakPhonemizer` builds a sequence:

            - libespeak-ng (voice en-us by default) translates the text clause by clause; numbers, abbreviations and symbols
              are expanded as espeak-ng does (`$42` is read "dollar forty two", `Dr.` "doctor", `50%` "fifty percent").
            - Each phoneme espeak-ng writes in IPA becomes the token with that IPA rendering, so espeak phonemes that sound
              the same share a token (column "espeak-ng" lists the mnemonics behind each). A phone espeak writes twice
              to lengthen it ("ææ") becomes the token twice; any other phone not in the table is an error (never an
              approximation), e.g. the əʊ of voice en-gb.
            - Stress marks are tokens of their own, placed where espeak puts them: just before the stressed vowel.
            - `#` separates the words of a clause (as espeak-ng groups them: it joins e.g. "of the").
            - A clause that ends in punctuation is followed by its pause token: `|,` `|.` `|?` `|!` `|;` `|:`. A run of `?` and
              `!` counts as its first mark; `...`, `…` and dashes count as `;` (as in espeak-ng); a blank line without
              punctuation counts as `|.`. The dot after an abbreviation that espeak-ng reads without a sentence pause (a single
              letter, and for English voices Mr, Mrs, Dr, Lt, Prof, Rev, St) is no pause. A pause replaces the `#` between the
              clauses; the last clause's pause ends the sequence. Brackets and quotes give no token.
            - Padding (id 0) only fills batches; it is never produced and never accepted as input.

            Phones below "foreign words" come from espeak-ng's en-us phoneme tables and appear only for foreign words, letter
            names of other scripts and the like. Text that espeak-ng reads with another language's phonemes (some scripts
            switch it to e.g. Hindi or Korean) is an error when those phones are not in the table.


            """);
        text.AppendLine("| id | X-SAMPA | IPA | kind | espeak-ng | example |");
        text.AppendLine("|---:|---|---|---|---|---|");
        var entries = EnglishUsPhonemes.Entries;
        for (var id = 0; id < entries.Count; id++)
        {
            var e = entries[id];
            text.AppendLine($"| {id} | {Code(e.XSampa)} | {Code(e.Ipa)} | {e.Kind} | {Code(e.Espeak)} | {Cell(e.Example)} |");
        }

        return text.ToString().ReplaceLineEndings("\n");
    }

    private static string Code(string text) => text.Length == 0 ? string.Empty : $"`{Cell(text)}`";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
