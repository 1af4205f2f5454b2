using Scraps.Trainer.Corpus;

namespace Scraps.Trainer.Tests.Corpus;

public class ListOptionTests
{
    [Fact]
    public void Splits_repeated_and_comma_separated_values() =>
        Assert.Equal(["espeak-ng", "flite", "festival"], ListOption.Split(["espeak-ng, flite", "festival"]));

    [Fact]
    public void Parses_weights()
    {
        var weights = ListOption.Weights(["espeak-ng=0.5,flite=2"], "--w");
        Assert.Equal(0.5, weights["espeak-ng"]);
        Assert.Equal(2, weights["flite"]);
    }

    [Theory]
    [InlineData("flite")]
    [InlineData("flite=x")]
    [InlineData("=1")]
    public void Rejects_malformed_weights(string value) =>
        Assert.Contains("--w", Assert.Throws<ArgumentException>(() => ListOption.Weights([value], "--w")).Message);
}
