using System.Text.RegularExpressions;
using Scraps.Phonetics.Espeak;

namespace Scraps.Phonetics;

/// <summary>
/// Maps espeak-ng's IPA output for a clause onto inventory tokens. espeak separates words by spaces and the
/// phonemes of a word by <see cref="EspeakEngine.PhonemeSeparator"/>; a stress mark (ˈ ˌ) precedes its vowel.
/// Each phoneme string must be an inventory phone, or a phone repeated (espeak writes a lengthened phone that way,
/// e.g. "ææ"); anything else is reported as unknown, never split into look-alike tokens.
/// espeak's language-switch markers such as "(hy)" are dropped and reported.
/// </summary>
internal sealed partial class EspeakIpaTokenizer
{
    /// <summary>espeak outputs without sound: the tone marker "1" its en_list leaves in a few letter names.</summary>
    private static readonly HashSet<string> Silent = new(["1"], StringComparer.Ordinal);

    private const char PrimaryStressIpa = '\u02C8';
    private const char SecondaryStressIpa = '\u02CC';

    private readonly Dictionary<string, PhonemeSymbol> _phones = new(StringComparer.Ordinal);
    private readonly PhonemeSymbol _primaryStress;
    private readonly PhonemeSymbol _secondaryStress;

    public EspeakIpaTokenizer(PhonemeInventory inventory)
    {
        foreach (var symbol in inventory.Symbols.Where(s => s.Kind == PhonemeKind.Phone))
        {
            _phones[symbol.Ipa] = symbol;
        }

        _primaryStress = Require(inventory, PhonemeInventory.PrimaryStressSymbol);
        _secondaryStress = Require(inventory, PhonemeInventory.SecondaryStressSymbol);
    }

    /// <summary>Appends the tokens of one clause.</summary>
    /// <param name="ipaClause">espeak's output for the clause.</param>
    /// <param name="onWordStart">Called before the first token of each word that has tokens.</param>
    /// <param name="emit">Receives each token.</param>
    /// <param name="unknown">Collects phoneme strings not in the inventory.</param>
    /// <param name="languages">Collects languages espeak switched to (from its "(xx)" markers).</param>
    public void Tokenize(string ipaClause, Action onWordStart, Action<PhonemeSymbol> emit, ICollection<string> unknown, ICollection<string> languages)
    {
        foreach (var word in ipaClause.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var started = false;
            foreach (var rawPiece in word.Split(EspeakEngine.PhonemeSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var piece = rawPiece.Contains('(', StringComparison.Ordinal) ? StripLanguageSwitches(rawPiece, languages) : rawPiece;
                if (piece.Length == 0 || Silent.Contains(piece))
                {
                    continue;
                }

                foreach (var symbol in Split(piece, unknown))
                {
                    if (!started)
                    {
                        onWordStart();
                        started = true;
                    }

                    emit(symbol);
                }
            }
        }
    }

    private IEnumerable<PhonemeSymbol> Split(string piece, ICollection<string> unknown)
    {
        var i = 0;
        for (; i < piece.Length && piece[i] is PrimaryStressIpa or SecondaryStressIpa; i++)
        {
            yield return piece[i] == PrimaryStressIpa ? _primaryStress : _secondaryStress;
        }

        var phone = piece[i..];
        if (phone.Length == 0)
        {
            yield break;
        }

        if (_phones.TryGetValue(phone, out var symbol))
        {
            yield return symbol;
            yield break;
        }

        // espeak writes a lengthened phone by repeating it ("ææ"): one token per repetition.
        for (var length = 1; length <= phone.Length / 2; length++)
        {
            if (phone.Length % length == 0 && _phones.TryGetValue(phone[..length], out symbol) && IsRepetition(phone, length))
            {
                for (var k = 0; k < phone.Length / length; k++)
                {
                    yield return symbol;
                }

                yield break;
            }
        }

        unknown.Add(phone);
    }

    private static bool IsRepetition(string text, int unit)
    {
        for (var i = unit; i < text.Length; i++)
        {
            if (text[i] != text[i - unit])
            {
                return false;
            }
        }

        return true;
    }

    private static string StripLanguageSwitches(string piece, ICollection<string> languages) =>
        LanguageSwitch().Replace(piece, m =>
        {
            languages.Add(m.Groups[1].Value);
            return string.Empty;
        });

    private static PhonemeSymbol Require(PhonemeInventory inventory, string xsampa) =>
        inventory.TryGetByXSampa(xsampa, out var symbol)
            ? symbol
            : throw new ArgumentException($"phoneme inventory {inventory.Version} has no token '{xsampa}', which the espeak-ng phonemizer needs", nameof(inventory));

    [GeneratedRegex(@"\(([A-Za-z0-9_-]+)\)")]
    private static partial Regex LanguageSwitch();
}
