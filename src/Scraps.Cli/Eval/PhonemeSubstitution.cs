using Scraps.Phonetics;

namespace Scraps.Cli.Eval;

/// <summary>
/// The paper's sensitivity corruption (section 4.3): a given fraction of the phone tokens of a sequence, chosen at
/// random, each replaced by a different phone drawn uniformly from the inventory. Stress marks, word boundaries and
/// pauses are never chosen nor drawn, so the sequence keeps its length and structure.
/// </summary>
internal sealed class PhonemeSubstitution
{
    private readonly PhonemeInventory _inventory;
    private readonly long[] _phones;

    /// <exception cref="ArgumentException">The inventory has fewer than two phones, so no phone can be replaced by another.</exception>
    public PhonemeSubstitution(PhonemeInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        _inventory = inventory;
        _phones = inventory.Symbols.Where(s => s.Kind == PhonemeKind.Phone).Select(s => (long)s.Id).ToArray();
        if (_phones.Length < 2)
        {
            throw new ArgumentException(
                $"phoneme inventory {inventory.Version} has {_phones.Length} phone(s); substitution needs at least two");
        }
    }

    /// <summary>
    /// How many of <paramref name="phoneCount"/> phones a <paramref name="level"/> replaces: the nearest whole number,
    /// at least one when the level is above zero and there is a phone.
    /// </summary>
    public static int Replacements(int phoneCount, double level)
    {
        if (phoneCount <= 0 || level <= 0)
        {
            return 0;
        }

        var count = (int)Math.Round(level * phoneCount, MidpointRounding.AwayFromZero);
        return Math.Clamp(count, 1, phoneCount);
    }

    /// <summary>A corrupted copy of <paramref name="ids"/> with <see cref="Replacements"/> phones replaced.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside [0, 1].</exception>
    public long[] Corrupt(IReadOnlyList<long> ids, double level, Random random)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(random);
        if (!(level >= 0 && level <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "a substitution level is a fraction in [0, 1]");
        }

        var corrupted = ids.ToArray();
        var positions = new List<int>(corrupted.Length);
        for (var i = 0; i < corrupted.Length; i++)
        {
            if (IsPhone(corrupted[i]))
            {
                positions.Add(i);
            }
        }

        var count = Replacements(positions.Count, level);
        for (var k = 0; k < count; k++)
        {
            // Partial Fisher-Yates: positions[k] becomes a uniformly chosen position not replaced yet.
            var pick = random.Next(k, positions.Count);
            (positions[k], positions[pick]) = (positions[pick], positions[k]);
            var position = positions[k];
            var original = corrupted[position];
            long replacement;
            do
            {
                replacement = _phones[random.Next(_phones.Length)];
            }
            while (replacement == original);
            corrupted[position] = replacement;
        }

        return corrupted;
    }

    private bool IsPhone(long id) => id > 0 && id < _inventory.Count && _inventory[(int)id].Kind == PhonemeKind.Phone;
}
