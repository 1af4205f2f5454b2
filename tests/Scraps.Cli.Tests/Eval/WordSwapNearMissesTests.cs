using Scraps.Audio;
using Scraps.Cli.Eval;
using Scraps.Phonetics;

namespace Scraps.Cli.Tests.Eval;

public class WordSwapNearMissesTests
{
    /// <summary>Each word becomes one phone token; "two" and "too" sound the same.</summary>
    private sealed class WordPhonemizer : IPhonemizer
    {
        private static readonly Dictionary<string, string> Phones = new(StringComparer.OrdinalIgnoreCase)
        {
            ["one"] = "w",
            ["two"] = "t",
            ["too"] = "t",
            ["three"] = "T",
            ["four"] = "f",
            ["toolong"] = "l l l l l l l l l l",
        };

        public PhonemeInventory Inventory => PhonemeInventory.EnglishUs;

        public string Voice => "test";

        public string EngineVersion => "1";

        public PhonemeSequence Phonemize(string text)
        {
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Any(w => w.Equals("bad", StringComparison.OrdinalIgnoreCase)))
            {
                throw new NoSpeakableContentException("bad word");
            }

            return XSampaParser.Parse(string.Join(" # ", words.Select(w => Phones[w])), Inventory);
        }
    }

    private static EvalPair Pair(string? text, string xsampa) =>
        new("u", text, Array.ConvertAll(XSampaParser.Parse(xsampa, PhonemeInventory.EnglishUs).ToIds(), id => (long)id), new LogMel(new float[LogMel.Bins], 1));

    [Fact]
    public void Gives_the_phonemes_of_a_one_word_swapped_transcript()
    {
        var nearMisses = new WordSwapNearMisses(new WordSwap(["one three four"]), new WordPhonemizer(), maxPhonemes: 100);
        var pair = Pair("one three", "w # T");

        var ids = nearMisses.TryCreate(pair, new Random(1));

        Assert.NotNull(ids);
        var xsampa = string.Join(" ", ids!.Select(id => PhonemeInventory.EnglishUs[(int)id].XSampa));
        Assert.Contains(xsampa, new[] { "f # T", "T # T", "w # f", "w # w" });
    }

    [Fact]
    public void A_swap_that_sounds_the_same_is_no_near_miss()
    {
        // The only other word is a homophone: every attempt gives the same phonemes.
        var nearMisses = new WordSwapNearMisses(new WordSwap(["two too"]), new WordPhonemizer(), maxPhonemes: 100);

        Assert.Null(nearMisses.TryCreate(Pair("two", "t"), new Random(1)));
    }

    [Fact]
    public void Swaps_that_cannot_be_phonemised_or_are_too_long_are_skipped()
    {
        Assert.Null(new WordSwapNearMisses(new WordSwap(["one bad"]), new WordPhonemizer(), 100).TryCreate(Pair("one", "w"), new Random(1)));
        Assert.Null(new WordSwapNearMisses(new WordSwap(["one toolong"]), new WordPhonemizer(), 5).TryCreate(Pair("one", "w"), new Random(1)));
    }

    [Fact]
    public void A_pair_without_a_transcript_has_no_near_miss() =>
        Assert.Null(new WordSwapNearMisses(new WordSwap(["one two"]), new WordPhonemizer(), 100).TryCreate(Pair(null, "w"), new Random(1)));
}
