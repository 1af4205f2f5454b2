
namespace Scraps.Data.Tests;

public class DataSplitsTests
{
    [Theory]
    [InlineData(null, "train")]
    [InlineData("", "train")]
    [InlineData("Train", "train")]
    [InlineData("dev", "valid")]
    [InlineData("validation", "valid")]
    [InlineData("TEST", "test")]
    public void Normalizes_split_names(string? name, string expected) => Assert.Equal(expected, DataSplits.Normalize(name));

    [Fact]
    public void Rejects_unknown_splits() =>
        Assert.Contains("'holdout'", Assert.Throws<ManifestFormatException>(() => DataSplits.Normalize("holdout")).Message);
}
