using Scraps.Cli.Eval;
using Scraps.Inference.Manifests;

namespace Scraps.Cli.Tests.Eval;

public sealed class EvalSubsetTests
{
    private static EvalManifestLine Line(string id, string? kind) =>
        new(1, new ScoringManifestEntry(id, "a.wav", "Seven.", null) { TextKind = kind }, "/tmp/a.wav");

    [Fact]
    public void The_whole_manifest_keeps_every_line_and_clip_and_describes_itself_as_null()
    {
        var all = EvalSubset.All;

        Assert.True(all.IsAll);
        Assert.True(all.KeepsLine(Line("u", null)));
        Assert.True(all.KeepsClip(0.1));
        Assert.True(all.KeepsClip(30));
        Assert.Null(all.Describe());
    }

    [Fact]
    public void A_kind_keeps_its_lines_only()
    {
        var words = new EvalSubset(TextKind: "word");
        var lines = new[] { Line("a", "word"), Line("b", "passage"), Line("c", null), Line("d", "word") };

        Assert.Equal(new[] { "a", "d" }, words.Select(lines, "test.jsonl").Select(l => l.Entry.Id));
        Assert.Equal("textKind = word", words.Describe());
    }

    [Theory]
    [InlineData(15.0, null, 14.99, false)]
    [InlineData(15.0, null, 15.0, true)]
    [InlineData(null, 2.0, 2.0, true)]
    [InlineData(null, 2.0, 2.01, false)]
    [InlineData(1.0, 3.0, 0.5, false)]
    [InlineData(1.0, 3.0, 2.0, true)]
    public void A_duration_range_includes_its_bounds(double? min, double? max, double seconds, bool kept) =>
        Assert.Equal(kept, new EvalSubset(MinSeconds: min, MaxSeconds: max).KeepsClip(seconds));

    [Theory]
    [InlineData(15.0, null, "clips of 15 s or more")]
    [InlineData(null, 2.5, "clips of 2.5 s or less")]
    [InlineData(1.0, 3.0, "clips of 1-3 s")]
    public void Describes_its_duration_range(double? min, double? max, string expected) =>
        Assert.Equal(expected, new EvalSubset(MinSeconds: min, MaxSeconds: max).Describe());

    [Fact]
    public void An_empty_range_is_refused_naming_both_flags()
    {
        var e = Assert.Throws<ArgumentException>(() => new EvalSubset(MinSeconds: 20, MaxSeconds: 10).Validate());

        Assert.Equal("--min-seconds (20) is above --max-seconds (10): no clip can be kept", e.Message);
    }
}
