using Scraps.Cli.Eval;
using Scraps.Phonetics;

namespace Scraps.Cli.Tests.Eval;

public class PhonemeSubstitutionTests
{
    private static readonly PhonemeInventory Inventory = PhonemeInventory.EnglishUs;

    private static long[] Ids(string xsampa) => Array.ConvertAll(XSampaParser.Parse(xsampa, Inventory).ToIds(), id => (long)id);

    [Theory]
    [InlineData(10, 0.05, 1)] // 0.5 rounds away from zero
    [InlineData(10, 0.01, 1)] // at least one
    [InlineData(12, 0.20, 2)] // 2.4
    [InlineData(20, 0.95, 19)]
    [InlineData(7, 1.0, 7)]
    [InlineData(0, 0.5, 0)]
    [InlineData(10, 0.0, 0)]
    public void Replacements_rounds_to_the_nearest_count_with_at_least_one(int phones, double level, int expected) =>
        Assert.Equal(expected, PhonemeSubstitution.Replacements(phones, level));

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.20)]
    [InlineData(0.60)]
    [InlineData(0.95)]
    public void Replaces_that_share_of_phones_by_other_phones_and_keeps_stress_boundaries_and_pauses(double level)
    {
        var ids = Ids("h @ l \" oU |, w \" 3: l d # D I s # I z # \" O l |.");
        var phoneCount = ids.Count(id => Inventory[(int)id].Kind == PhonemeKind.Phone);

        var corrupted = new PhonemeSubstitution(Inventory).Corrupt(ids, level, new Random(3));

        Assert.Equal(ids.Length, corrupted.Length);
        var changed = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            if (Inventory[(int)ids[i]].Kind != PhonemeKind.Phone)
            {
                Assert.Equal(ids[i], corrupted[i]);
            }
            else if (corrupted[i] != ids[i])
            {
                changed++;
                Assert.Equal(PhonemeKind.Phone, Inventory[(int)corrupted[i]].Kind);
            }
        }

        Assert.Equal(PhonemeSubstitution.Replacements(phoneCount, level), changed);
    }

    [Fact]
    public void Is_deterministic_for_a_seed_and_leaves_the_input_alone()
    {
        var ids = Ids("D I s # I z # \" O l # \" aI # n oU");
        var copy = ids.ToArray();
        var substitution = new PhonemeSubstitution(Inventory);

        var first = substitution.Corrupt(ids, 0.4, new Random(11));
        var second = substitution.Corrupt(ids, 0.4, new Random(11));
        var other = substitution.Corrupt(ids, 0.4, new Random(12));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Equal(copy, ids);
    }

    [Fact]
    public void A_sequence_without_phones_is_unchanged()
    {
        var ids = Ids("\" # |.");

        Assert.Equal(ids, new PhonemeSubstitution(Inventory).Corrupt(ids, 0.9, new Random(1)));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Rejects_a_level_outside_0_to_1(double level) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PhonemeSubstitution(Inventory).Corrupt(Ids("p"), level, new Random(1)));

    [Fact]
    public void Rejects_an_inventory_with_fewer_than_two_phones()
    {
        var symbols = Inventory.Symbols.Where(s => s.Kind != PhonemeKind.Phone || s.XSampa == "p").Select((s, i) => s with { Id = i }).ToArray();
        var small = PhonemeInventory.FromSymbols("one-phone/1", symbols);

        var error = Assert.Throws<ArgumentException>(() => new PhonemeSubstitution(small));
        Assert.Contains("1 phone(s)", error.Message, StringComparison.Ordinal);
    }
}
