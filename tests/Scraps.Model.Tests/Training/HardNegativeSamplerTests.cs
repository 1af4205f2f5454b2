using Scraps.Model.Training;
using Scraps.Phonetics;
using Scraps.Phonetics.Lexicon;

namespace Scraps.Model.Tests.Training;

public sealed class HardNegativeSamplerTests
{
    private static readonly PhonemeInventory Inventory = PhonemeInventory.EnglishUs;

    /// <summary>Tokens of an X-SAMPA string of the en-us inventory.</summary>
    private static int[] Ids(string xsampa) => XSampaParser.Parse(xsampa, Inventory).ToIds();

    private static string Text(int[] ids) => string.Join(' ', ids.Select(id => Inventory[id].XSampa));

    private static readonly int[] Sentence = Ids("D @ # k \" { t # s \" I t s |. h \" i: # r\\ \" { n |.");

    private static NearMissFinder Finder() => new(new PronunciationLexicon(Inventory,
    [
        PronunciationLexicon.ToEntry("bat", XSampaParser.Parse("b \" { t", Inventory)),
        PronunciationLexicon.ToEntry("cap", XSampaParser.Parse("k \" { p", Inventory)),
        PronunciationLexicon.ToEntry("dog", XSampaParser.Parse("d \" A: g", Inventory)),
    ], "test"));

    [Fact]
    public void A_close_word_replaces_one_word_by_a_lexicon_word_one_phone_away()
    {
        var sampler = new HardNegativeSampler(Inventory, Finder(), HardNegativeKind.CloseWord, 512);
        var seen = new HashSet<string>();
        for (var seed = 0; seed < 20; seed++)
        {
            seen.Add(Text(sampler.Draw(Sentence, HardNegativeKind.CloseWord, new DeterministicRandom(seed, 1, 0))));
        }

        // "cat" is the only word with lexicon neighbours (bat, cap); the other words and the separators stay.
        Assert.Equal(
            new[] { "D @ # b \" { t # s \" I t s |. h \" i: # r\\ \" { n |.", "D @ # k \" { p # s \" I t s |. h \" i: # r\\ \" { n |." }.Order(),
            seen.Order());
    }

    [Fact]
    public void Deleting_inserting_and_swapping_keep_the_separators_well_formed()
    {
        var sampler = new HardNegativeSampler(Inventory, Finder(), HardNegativeKind.All, 512);
        for (var seed = 0; seed < 50; seed++)
        {
            var random = new DeterministicRandom(seed, 1, 0);
            var deleted = sampler.Draw(Sentence, HardNegativeKind.DeleteWord, random);
            var inserted = sampler.Draw(Sentence, HardNegativeKind.InsertWord, random);
            var swapped = sampler.Draw(Sentence, HardNegativeKind.SwapWords, random);
            Assert.Equal(sampler.Words(Sentence).Count - 1, sampler.Words(deleted).Count);
            Assert.Equal(sampler.Words(Sentence).Count + 1, sampler.Words(inserted).Count);
            Assert.Equal(Sentence.Order(), swapped.Order());
            foreach (var negative in new[] { deleted, inserted, swapped })
            {
                Assert.NotEqual(Sentence, negative);
                // No two separators in a row, none at the start, and the sequence still ends with its pause.
                var separator = negative.Select(id => Inventory[id].Kind is PhonemeKind.WordBoundary or PhonemeKind.Pause).ToArray();
                Assert.False(separator[0]);
                Assert.DoesNotContain(Enumerable.Range(1, negative.Length - 1), i => separator[i] && separator[i - 1]);
                Assert.Equal(Ids("|.")[0], negative[^1]);
            }
        }

        // Every deletion is one of the four words with the word boundary next to it: the clause pauses stay.
        var deletions = Enumerable.Range(0, 40).Select(seed => Text(sampler.Draw(Sentence, HardNegativeKind.DeleteWord, new DeterministicRandom(seed, 3, 0)))).ToHashSet();
        Assert.Equal(
            new[]
            {
                "k \" { t # s \" I t s |. h \" i: # r\\ \" { n |.",
                "D @ # s \" I t s |. h \" i: # r\\ \" { n |.",
                "D @ # k \" { t |. h \" i: # r\\ \" { n |.",
                "D @ # k \" { t # s \" I t s |. r\\ \" { n |.",
                "D @ # k \" { t # s \" I t s |. h \" i: |.",
            }.Order(),
            deletions.Order());
    }

    [Fact]
    public void Phone_noise_changes_phones_only_and_at_least_one()
    {
        var sampler = new HardNegativeSampler(Inventory, null, HardNegativeKind.PhoneNoise, 512);
        var changedShare = new List<double>();
        for (var seed = 0; seed < 200; seed++)
        {
            var noisy = sampler.Draw(Sentence, HardNegativeKind.PhoneNoise, new DeterministicRandom(seed, 2, 0));
            Assert.Equal(Sentence.Length, noisy.Length);
            var changed = Enumerable.Range(0, Sentence.Length).Where(i => noisy[i] != Sentence[i]).ToArray();
            Assert.NotEmpty(changed);
            Assert.All(changed, i => Assert.Equal(PhonemeKind.Phone, Inventory[Sentence[i]].Kind));
            Assert.All(changed, i => Assert.Equal(PhonemeKind.Phone, Inventory[noisy[i]].Kind));
            changedShare.Add(changed.Length / (double)Sentence.Count(id => Inventory[id].Kind == PhonemeKind.Phone));
        }
        // Rates are uniform in [0.1, 0.3] (at least one phone of 12): the mean share lies near 0.2.
        Assert.InRange(changedShare.Average(), 0.17, 0.26);
    }

    [Fact]
    public void A_kind_that_cannot_apply_falls_back_to_phone_noise_and_draws_are_deterministic()
    {
        var sampler = new HardNegativeSampler(Inventory, Finder(), HardNegativeKind.All, 512);
        var oneWord = Ids("d \" A: g |.");
        var swapped = sampler.Draw(oneWord, HardNegativeKind.SwapWords, new DeterministicRandom(1, 1, 0));
        Assert.Equal(oneWord.Length, swapped.Length);
        Assert.NotEqual(oneWord, swapped);

        var a = sampler.Draw(Sentence, 6, new DeterministicRandom(9, 6, 42));
        var b = sampler.Draw(Sentence, 6, new DeterministicRandom(9, 6, 42));
        Assert.Equal(a.Select(Text), b.Select(Text));
        Assert.All(a, negative => Assert.NotEqual(Sentence, negative));
    }

    [Fact]
    public void Close_words_need_a_lexicon()
    {
        var e = Assert.Throws<ArgumentException>(() => new HardNegativeSampler(Inventory, null, HardNegativeKind.CloseWord | HardNegativeKind.DeleteWord, 512));
        Assert.Contains("lexicon", e.Message);
    }
}
