using Scraps.Trainer.Corpus.Text;

namespace Scraps.Trainer.Tests.Corpus.Text;

public class NumberWordsTests
{
    [Theory]
    [InlineData(0, false, "zero")]
    [InlineData(13, false, "thirteen")]
    [InlineData(40, false, "forty")]
    [InlineData(42, false, "forty-two")]
    [InlineData(105, false, "one hundred five")]
    [InlineData(105, true, "one hundred and five")]
    [InlineData(2_000_017, false, "two million seventeen")]
    [InlineData(7_300_040, false, "seven million three hundred thousand forty")]
    public void Cardinals(long n, bool withAnd, string expected) => Assert.Equal(expected, NumberWords.Cardinal(n, withAnd));

    [Theory]
    [InlineData(1, "first")]
    [InlineData(2, "second")]
    [InlineData(12, "twelfth")]
    [InlineData(20, "twentieth")]
    [InlineData(22, "twenty-second")]
    [InlineData(103, "one hundred third")]
    public void Ordinals(long n, string expected) => Assert.Equal(expected, NumberWords.Ordinal(n));

    [Theory]
    [InlineData(1984, "nineteen eighty-four")]
    [InlineData(1905, "nineteen oh five")]
    [InlineData(1900, "nineteen hundred")]
    [InlineData(2009, "two thousand nine")]
    [InlineData(2024, "twenty twenty-four")]
    public void Years(int year, string expected) => Assert.Equal(expected, NumberWords.Year(year));

    [Fact]
    public void Digits_read_zero_as_oh_or_zero()
    {
        Assert.Equal("five oh two", NumberWords.Digits("502", zeroAsOh: true));
        Assert.Equal("five zero two", NumberWords.Digits("502", zeroAsOh: false));
        Assert.Throws<ArgumentException>(() => NumberWords.Digits("5a", zeroAsOh: true));
    }
}
