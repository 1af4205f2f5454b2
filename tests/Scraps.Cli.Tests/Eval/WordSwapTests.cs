using System.Text.RegularExpressions;
using Scraps.Cli.Eval;

namespace Scraps.Cli.Tests.Eval;

public class WordSwapTests
{
    [Fact]
    public void Vocabulary_is_the_distinct_lower_cased_words_of_every_transcript_in_order()
    {
        var swap = new WordSwap(["The cat's hat.", "the well-known DOG, the end!"]);

        Assert.Equal(new[] { "cat's", "dog", "end", "hat", "the", "well-known" }, swap.Vocabulary);
    }

    [Fact]
    public void Swaps_exactly_one_word_for_another_vocabulary_word_and_keeps_the_punctuation()
    {
        var swap = new WordSwap(["alpha beta gamma delta", "epsilon"]);
        const string text = "alpha, beta gamma.";

        for (var seed = 0; seed < 30; seed++)
        {
            Assert.True(swap.TrySwap(text, new Random(seed), out var swapped));
            var before = Regex.Split(text, @"(\W+)");
            var after = Regex.Split(swapped, @"(\W+)");
            Assert.Equal(before.Length, after.Length);
            var differences = before.Zip(after).Where(p => p.First != p.Second).ToArray();
            var difference = Assert.Single(differences);
            Assert.Contains(difference.Second, swap.Vocabulary);
            Assert.NotEqual(difference.First, difference.Second);
        }
    }

    [Fact]
    public void Capitalises_the_replacement_of_a_capitalised_word()
    {
        var swap = new WordSwap(["hello there"]);

        Assert.True(swap.TrySwap("Hello", new Random(1), out var swapped));

        Assert.Equal("There", swapped);
    }

    [Fact]
    public void Is_deterministic_for_a_seed()
    {
        var swap = new WordSwap(["one two three four five six seven"]);

        swap.TrySwap("one two three", new Random(4), out var first);
        swap.TrySwap("one two three", new Random(4), out var second);

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("...!", "a b")] // no word in the text
    [InlineData("hello", "hello")] // no other word in the vocabulary
    public void Cannot_swap_without_a_word_or_another_vocabulary_word(string text, string vocabulary)
    {
        var swap = new WordSwap([vocabulary]);

        Assert.False(swap.TrySwap(text, new Random(1), out var swapped));
        Assert.Equal(text, swapped);
    }
}
