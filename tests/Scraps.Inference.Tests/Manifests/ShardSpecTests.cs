using Scraps.Inference.Manifests;

namespace Scraps.Inference.Tests.Manifests;

public sealed class ShardSpecTests
{
    [Fact]
    public void Parse_reads_index_and_count()
    {
        Assert.Equal(new ShardSpec(2, 4), ShardSpec.Parse("2/4"));
        Assert.Equal("2/4", ShardSpec.Parse("2/4").ToString());
    }

    [Theory]
    [InlineData("4/4")]
    [InlineData("1/0")]
    [InlineData("-1/3")]
    [InlineData("1")]
    [InlineData("a/b")]
    [InlineData("1/2/3")]
    public void Parse_rejects_bad_shards(string text)
    {
        var e = Assert.Throws<FormatException>(() => ShardSpec.Parse(text));

        Assert.Contains("0 <= i < n", e.Message);
    }

    [Fact]
    public void Shards_partition_the_lines()
    {
        var shards = Enumerable.Range(0, 3).Select(i => new ShardSpec(i, 3)).ToArray();

        for (long line = 0; line < 20; line++)
        {
            Assert.Single(shards, s => s.Contains(line));
        }

        Assert.True(ShardSpec.All.Contains(17));
    }
}
