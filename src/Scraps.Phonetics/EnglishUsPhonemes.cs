namespace Scraps.Phonetics;

/// <summary>
/// The en-us inventory: every phone espeak-ng 1.51 writes (as IPA) for the en-us voice, plus stress marks, the word
/// boundary and one pause token per kind of clause punctuation. Phones are keyed by espeak-ng's IPA rendering, so
/// espeak phonemes that sound the same (e.g. [a] and [aa], both /æ/ in en-us) share one token. The table lists the
/// espeak-ng mnemonics behind each token. Besides what English text produces, it holds the other phones of
/// espeak-ng's en-us phoneme tables (used for foreign words and letter names), so that no en-us output is unknown.
/// Any change to this table (a token added, removed, reordered or re-rendered) must bump <see cref="Version"/>
/// and regenerate phonemes.md (the test PhonemeTableDocumentTests says how).
/// </summary>
internal static class EnglishUsPhonemes
{
    public const string Version = "espeak-ng-en-us/1";

    /// <summary>The tokens in id order.</summary>
    public static readonly IReadOnlyList<Entry> Entries =
    [
        new("<pad>", "<pad>", PhonemeKind.Padding, "", "padding (id 0, never produced)"),
        new("#", "#", PhonemeKind.WordBoundary, "space between words", "boundary between two words of a clause"),
        new("\"", "ˈ", PhonemeKind.Stress, "'", "primary stress, before the stressed vowel"),
        new("%", "ˌ", PhonemeKind.Stress, ",", "secondary stress, before the vowel"),
        new("|,", ",", PhonemeKind.Pause, "clause end ,", "comma (also ، 、 ，)"),
        new("|.", ".", PhonemeKind.Pause, "clause end .", "full stop (also 。 । and a blank line)"),
        new("|?", "?", PhonemeKind.Pause, "clause end ?", "question mark (also ؟ ？)"),
        new("|!", "!", PhonemeKind.Pause, "clause end !", "exclamation mark (also ！)"),
        new("|;", ";", PhonemeKind.Pause, "clause end ;", "semicolon (also … ... – — ¡ ¿)"),
        new("|:", ":", PhonemeKind.Pause, "clause end :", "colon (also ：)"),
        new("p", "p", PhonemeKind.Phone, "p", "pin"),
        new("b", "b", PhonemeKind.Phone, "b", "bin"),
        new("t", "t", PhonemeKind.Phone, "t t2 d#", "tin"),
        new("d", "d", PhonemeKind.Phone, "d", "din"),
        new("k", "k", PhonemeKind.Phone, "k", "kin"),
        new("g", "ɡ", PhonemeKind.Phone, "g", "give"),
        new("?", "ʔ", PhonemeKind.Phone, "?", "button (glottal stop)"),
        new("4", "ɾ", PhonemeKind.Phone, "t# * **", "butter (flap)"),
        new("f", "f", PhonemeKind.Phone, "f", "fin"),
        new("v", "v", PhonemeKind.Phone, "v", "van"),
        new("T", "θ", PhonemeKind.Phone, "T", "thin"),
        new("D", "ð", PhonemeKind.Phone, "D", "this"),
        new("s", "s", PhonemeKind.Phone, "s z#", "sip"),
        new("z", "z", PhonemeKind.Phone, "z", "zip"),
        new("S", "ʃ", PhonemeKind.Phone, "S", "ship"),
        new("Z", "ʒ", PhonemeKind.Phone, "Z", "measure"),
        new("h", "h", PhonemeKind.Phone, "h", "hat"),
        new("tS", "tʃ", PhonemeKind.Phone, "tS", "church"),
        new("dZ", "dʒ", PhonemeKind.Phone, "dZ", "judge"),
        new("m", "m", PhonemeKind.Phone, "m", "man"),
        new("n", "n", PhonemeKind.Phone, "n", "net"),
        new("N", "ŋ", PhonemeKind.Phone, "N", "sing"),
        new("n=", "n̩", PhonemeKind.Phone, "n-", "button (syllabic n)"),
        new("l", "l", PhonemeKind.Phone, "l", "leg"),
        new("r\\", "ɹ", PhonemeKind.Phone, "r r- r/", "red"),
        new("j", "j", PhonemeKind.Phone, "j", "yes"),
        new("w", "w", PhonemeKind.Phone, "w", "wet"),
        new("W", "ʍ", PhonemeKind.Phone, "w#", "which (voiceless w)"),
        new("@", "ə", PhonemeKind.Phone, "@ @2 @- @#", "about, the"),
        new("@`", "ɚ", PhonemeKind.Phone, "3", "letter"),
        new("3:", "ɜː", PhonemeKind.Phone, "3:", "nurse"),
        new("6", "ɐ", PhonemeKind.Phone, "a#", "above (reduced a)"),
        new("{", "æ", PhonemeKind.Phone, "a aa a2 a#2", "trap, bath"),
        new("A:", "ɑː", PhonemeKind.Phone, "A: 0 0# A#", "lot, palm"),
        new("A:r\\", "ɑːɹ", PhonemeKind.Phone, "A@", "start"),
        new("E", "ɛ", PhonemeKind.Phone, "E E2 E# e#", "dress"),
        new("Er\\", "ɛɹ", PhonemeKind.Phone, "e@", "square"),
        new("I", "ɪ", PhonemeKind.Phone, "I I2", "kit"),
        new("Ir\\", "ɪɹ", PhonemeKind.Phone, "i@3", "near"),
        new("I\\", "ᵻ", PhonemeKind.Phone, "I# I2#", "roses (reduced i)"),
        new("i", "i", PhonemeKind.Phone, "i", "happy"),
        new("i:", "iː", PhonemeKind.Phone, "i:", "fleece"),
        new("i@", "iə", PhonemeKind.Phone, "i@", "idea"),
        new("O", "ɔ", PhonemeKind.Phone, "O O2", "cloth"),
        new("O:", "ɔː", PhonemeKind.Phone, "O:", "thought"),
        new("O:r\\", "ɔːɹ", PhonemeKind.Phone, "O@", "north"),
        new("o:", "oː", PhonemeKind.Phone, "o: o@", "story (force vowel before r)"),
        new("o:r\\", "oːɹ", PhonemeKind.Phone, "o@", "force, more"),
        new("U", "ʊ", PhonemeKind.Phone, "U @5", "foot"),
        new("Ur\\", "ʊɹ", PhonemeKind.Phone, "U@", "cure, tour"),
        new("u:", "uː", PhonemeKind.Phone, "u:", "goose"),
        new("V", "ʌ", PhonemeKind.Phone, "V 02", "strut"),
        new("Vr\\", "ʌɹ", PhonemeKind.Phone, "VR", "hurry (split nurse vowel)"),
        new("@r\\", "əɹ", PhonemeKind.Phone, "IR", "bird (split nurse vowel)"),
        new("@l", "əl", PhonemeKind.Phone, "@L", "bottle"),
        new("aI", "aɪ", PhonemeKind.Phone, "aI", "price"),
        new("aU", "aʊ", PhonemeKind.Phone, "aU", "mouth"),
        new("eI", "eɪ", PhonemeKind.Phone, "eI", "face"),
        new("oU", "oʊ", PhonemeKind.Phone, "oU oU#", "goat"),
        new("OI", "ɔɪ", PhonemeKind.Phone, "OI", "choice"),
        new("aI@", "aɪə", PhonemeKind.Phone, "aI@", "science"),
        new("aI@`", "aɪɚ", PhonemeKind.Phone, "aI3", "fire"),
        new("a", "a", PhonemeKind.Phone, "a (base)", "foreign words"),
        new("a:", "aː", PhonemeKind.Phone, "a:", "foreign words, letter names"),
        new("e", "e", PhonemeKind.Phone, "e", "foreign words, letter names"),
        new("e:", "eː", PhonemeKind.Phone, "e:", "foreign words"),
        new("E:", "ɛː", PhonemeKind.Phone, "E:", "letter names (Cyrillic)"),
        new("I:", "ɪː", PhonemeKind.Phone, "I:", "letter names (Cyrillic)"),
        new("o", "o", PhonemeKind.Phone, "o", "foreign words"),
        new("u", "u", PhonemeKind.Phone, "u", "foreign words, letter names"),
        new("A~", "ɑ̃", PhonemeKind.Phone, "A~", "French loans (nasal a)"),
        new("O~", "ɔ̃", PhonemeKind.Phone, "O~", "French loans (nasal o)"),
        new("m=", "m̩", PhonemeKind.Phone, "m-", "syllabic m"),
        new("N=", "ŋ̩", PhonemeKind.Phone, "N-", "syllabic ng"),
        new("l=", "l̩", PhonemeKind.Phone, "l-", "syllabic l"),
        new("x", "x", PhonemeKind.Phone, "x", "loch, Bach"),
        new("K", "ɬ", PhonemeKind.Phone, "l#", "Llanelli (Welsh ll)"),
        new("r", "r", PhonemeKind.Phone, "R R2 R3", "trilled r (letter names)"),
        new("R", "ʁ", PhonemeKind.Phone, "Q\"", "uvular fricative"),
        new("R\\", "ʀ", PhonemeKind.Phone, "r\"", "uvular trill"),
        new("q", "q", PhonemeKind.Phone, "q", "Arabic qaf"),
        new("C", "ç", PhonemeKind.Phone, "C", "German ich"),
        new("G", "ɣ", PhonemeKind.Phone, "Q", "voiced velar fricative"),
        new("X", "χ", PhonemeKind.Phone, "X", "uvular fricative"),
        new("c", "c", PhonemeKind.Phone, "c", "palatal stop"),
        new("J\\", "ɟ", PhonemeKind.Phone, "J", "voiced palatal stop"),
        new("J", "ɲ", PhonemeKind.Phone, "n^", "palatal nasal"),
        new("L", "ʎ", PhonemeKind.Phone, "l^", "palatal lateral"),
        new("l`", "ɭ", PhonemeKind.Phone, "l.", "retroflex lateral"),
        new("5", "ɫ", PhonemeKind.Phone, "L L/", "dark l"),
        new("n`", "ɳ", PhonemeKind.Phone, "n.", "retroflex nasal"),
        new("B", "β", PhonemeKind.Phone, "B", "bilabial fricative"),
        new("P", "ʋ", PhonemeKind.Phone, "v#", "labiodental approximant"),
        new("s`", "ʂ", PhonemeKind.Phone, "s. s;", "retroflex s"),
        new("z`", "ʐ", PhonemeKind.Phone, "z.", "retroflex z"),
        new("s\\", "ɕ", PhonemeKind.Phone, "S;", "alveolo-palatal s"),
        new("z\\", "ʑ", PhonemeKind.Phone, "z; Z;", "alveolo-palatal z"),
        new("ts\\", "tɕ", PhonemeKind.Phone, "tS;", "alveolo-palatal affricate"),
        new("dz\\", "dʑ", PhonemeKind.Phone, "dZ;", "voiced alveolo-palatal affricate"),
        new("t_d", "t̪", PhonemeKind.Phone, "t[", "dental t"),
        new("d_d", "d̪", PhonemeKind.Phone, "d[", "dental d"),
        new("j\\", "ʝ", PhonemeKind.Phone, "J^", "palatal fricative"),
    ];

    public static PhonemeInventory Create() =>
        PhonemeInventory.FromSymbols(Version, Entries.Select((e, id) => new PhonemeSymbol(id, e.XSampa, e.Ipa, e.Kind)).ToArray());

    /// <summary>One row of the table.</summary>
    /// <param name="XSampa">X-SAMPA rendering.</param>
    /// <param name="Ipa">IPA rendering, exactly as espeak-ng writes it (for phones).</param>
    /// <param name="Kind">Token kind.</param>
    /// <param name="Espeak">The espeak-ng mnemonics (or output) that map to this token.</param>
    /// <param name="Example">An example word or a description.</param>
    internal sealed record Entry(string XSampa, string Ipa, PhonemeKind Kind, string Espeak, string Example);
}
