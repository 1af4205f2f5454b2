using Scraps.Cli.Eval;
using Scraps.Inference.Scoring;

namespace Scraps.Cli.Tests.Eval;

/// <summary>The localisation figures pick the least supported aligned word by the shipped confidence or by one of its parts.</summary>
public sealed class LeastSupportedWordTests
{
    private static WordScore Word(string text, double? start, double confidence, double goodness, double? matchLogit) =>
        new(text, "x", start, start + 0.1, confidence, true) { Goodness = goodness, MatchLogit = matchLogit };

    [Fact]
    public void Each_key_picks_its_own_least_supported_word_among_the_aligned_ones()
    {
        WordScore[] words =
        [
            Word("unaligned", null, 0.01, -9, -9),
            Word("alexa", 0.0, 0.90, -2.5, 3.0),
            Word("home", 0.5, 0.20, -0.5, 1.0),
            Word("my", 0.9, 0.60, -1.0, -4.0),
        ];

        Assert.Equal(2, LeastSupportedWord.Of(words, LeastSupportedWord.Confidence));
        Assert.Equal(1, LeastSupportedWord.Of(words, LeastSupportedWord.Goodness));
        Assert.Equal(3, LeastSupportedWord.Of(words, LeastSupportedWord.Matching));
    }

    [Fact]
    public void Ties_go_to_the_first_word_and_no_aligned_word_is_minus_one()
    {
        WordScore[] tied = [Word("a", 0.0, 0.5, -1, 0), Word("b", 0.2, 0.5, -1, 0)];

        Assert.Equal(0, LeastSupportedWord.Of(tied, LeastSupportedWord.Confidence));
        Assert.Equal(-1, LeastSupportedWord.Of([Word("a", null, 0.5, -1, 0)], LeastSupportedWord.Confidence));
    }

    [Fact]
    public void The_matching_part_is_undefined_for_a_model_without_a_matching_head()
    {
        WordScore[] withoutHead = [Word("a", 0.0, 0.5, -1, null), Word("b", 0.2, 0.4, -2, null)];

        Assert.False(LeastSupportedWord.Defined(withoutHead, LeastSupportedWord.Matching));
        Assert.True(LeastSupportedWord.Defined(withoutHead, LeastSupportedWord.Goodness));
    }
}
