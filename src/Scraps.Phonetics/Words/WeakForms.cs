namespace Scraps.Phonetics.Words;

/// <summary>
/// Reduced pronunciations of English function words in connected speech ("are" as a bare r-coloured vowel, "and" as
/// "n", "to" as "tuh", "can" as "k'n"), keyed by the strong form espeak-ng's en-us writes (X-SAMPA of the inventory,
/// phones only). The alignment tries each as an alternative path, so a word spoken naturally is not flagged for it.
/// Forms from the usual English weak-form tables (e.g. Roach, English Phonetics and Phonology, ch. 12).
/// </summary>
public static class WeakForms
{
    private static readonly Dictionary<string, string[]> ByStrongForm = new(StringComparer.Ordinal)
    {
        ["A:r\\"] = ["@`", "r\\", "@"],                        // are
        ["{ n d"] = ["@ n d", "@ n", "n", "n=", "{ n"],       // and
        ["f O:r\\"] = ["f @`", "f @"],                          // for
        ["O:r\\"] = ["@`", "@"],                                 // or
        ["k { n"] = ["k @ n", "k n="],                          // can
        ["w V z"] = ["w @ z", "w z"],                           // was
        ["f r\\ V m"] = ["f r\\ @ m", "f @ m"],                 // from
        ["{ t"] = ["@ t"],                                       // at
        ["{ z"] = ["@ z", "z"],                                  // as
        ["D 6 n"] = ["D @ n", "D n="],                          // than
        ["D { t"] = ["D @ t"],                                   // that (conjunction)
        ["t u:"] = ["t @", "t 6", "t U"],                        // to
        ["j u:"] = ["j @", "j U"],                               // you
        ["j Ur\\"] = ["j @`", "j @"],                            // your
        ["j O:r\\"] = ["j @`", "j @"],                           // your
        ["D E m"] = ["D @ m", "@ m"],                           // them
        ["h { v"] = ["h @ v", "@ v", "v"],                      // have
        ["h { z"] = ["h @ z", "@ z", "z"],                      // has
        ["h { d"] = ["h @ d", "@ d", "d"],                      // had
        ["D i:"] = ["D @", "D I"],                               // the (before vowels)
        ["D @"] = ["D i:", "D I", "@"],                          // the
        ["eI"] = ["@", "6"],                                     // a (letter-name form)
        ["@ v"] = ["@", "V v"],                                  // of
        ["V v"] = ["@ v", "@"],                                  // of (strong)
        ["b V t"] = ["b @ t"],                                  // but
        ["s V m"] = ["s @ m"],                                  // some
        ["dZ V s t"] = ["dZ @ s t", "dZ @ s"],                 // just
        ["h I m"] = ["I m"],                                    // him
        ["h 3:"] = ["3:", "@`", "h @`"],                        // her
        ["h I z"] = ["I z"],                                    // his
        ["V s"] = ["@ s"],                                       // us
        ["w I l"] = ["@ l", "l"],                               // will
        ["w U d"] = ["w @ d", "@ d", "d"],                     // would
        ["D Er\\"] = ["D @`", "D @"],                            // there
        ["d u:"] = ["d @", "d U"],                               // do
        ["d V z"] = ["d @ z"],                                  // does
        ["k U d"] = ["k @ d"],                                  // could
        ["S U d"] = ["S @ d"],                                  // should
        ["m V s t"] = ["m @ s t", "m @ s"],                    // must
        ["S { l"] = ["S @ l", "S l="],                          // shall
        ["b i: n"] = ["b I n"],                                 // been
    };

    /// <summary>The reduced forms of a word spoken with these phones (X-SAMPA, phones only), as token ids; empty when it has none.</summary>
    public static IReadOnlyList<int[]> Of(IReadOnlyList<int> phones, PhonemeInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(phones);
        ArgumentNullException.ThrowIfNull(inventory);
        var key = string.Join(' ', phones.Select(id => inventory[id].XSampa));
        if (!ByStrongForm.TryGetValue(key, out var forms))
        {
            return [];
        }

        var result = new List<int[]>(forms.Length);
        foreach (var form in forms)
        {
            var ids = new List<int>();
            foreach (var symbol in form.Split(' '))
            {
                if (!inventory.TryGetByXSampa(symbol, out var token) || token.Kind != PhonemeKind.Phone)
                {
                    break;
                }

                ids.Add(token.Id);
            }

            if (ids.Count == form.Split(' ').Length)
            {
                result.Add(ids.ToArray());
            }
        }

        return result;
    }
}
