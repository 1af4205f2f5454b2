using Scraps.Phonetics;
using Scraps.Phonetics.Lexicon;

namespace Scraps.Model.Training;

/// <summary>
/// What a run needs to know about its phonemes beyond their ids: which ids are phones (the CTC targets, the frame labels
/// and the near misses work on phones only) and the near-miss sampler built on them.
/// </summary>
internal static class TrainingPhonemes
{
    /// <summary>
    /// The phoneme inventory the data's ids come from (the only one this build knows); null when the data uses another
    /// one and nothing that needs phones is asked for.
    /// </summary>
    public static PhonemeInventory? Inventory(TrainingOptions options, string inventoryVersion)
    {
        var inventory = PhonemeInventory.EnglishUs;
        if (inventoryVersion == inventory.Version)
        {
            return inventory;
        }

        if (options.Config.CtcHead || options.HardNegatives > 0 || options.Lexicon is not null)
        {
            throw new ArgumentException(
                $"The training data uses phoneme inventory '{inventoryVersion}'; the CTC head and near misses need '{inventory.Version}' (which phones are phones).");
        }

        return null;
    }

    /// <summary>The near-miss sampler: for training negatives (K > 0) and for the validation near-miss AUC (given a lexicon).</summary>
    public static HardNegativeSampler? NearMissSampler(TrainingOptions options, PhonemeInventory? inventory)
    {
        if (inventory is null || (options.Lexicon is null && options.HardNegatives == 0))
        {
            return null;
        }

        NearMissFinder? finder = null;
        if (options.Lexicon is not null)
        {
            // Only a word list still to phonemise needs espeak-ng: a saved lexicon opens without loading it.
            var phonemizer = new Lazy<EspeakPhonemizer>(() => new EspeakPhonemizer(new EspeakOptions { Inventory = inventory }));
            finder = new NearMissFinder(LexiconSource.Open(options.Lexicon, inventory, () => phonemizer.Value));
        }
        return new HardNegativeSampler(inventory, finder, options.HardNegativeKinds, options.Config.MaxPositions);
    }

    /// <summary>Per token id: is it a phone?</summary>
    public static bool[]? IsPhone(PhonemeInventory? inventory) => inventory?.Symbols.Select(x => x.Kind == PhonemeKind.Phone).ToArray();
}
