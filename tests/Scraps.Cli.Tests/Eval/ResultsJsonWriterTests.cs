using System.Text.Json;
using Scraps.Cli.Eval;
using Scraps.Cli.Tests.Eval.Support;

namespace Scraps.Cli.Tests.Eval;

public class ResultsJsonWriterTests
{
    private static JsonElement Write(EvalReport report)
    {
        using var stream = new MemoryStream();
        ResultsJsonWriter.Write(report, stream);
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void Writes_exactly_the_keys_of_the_contract()
    {
        var root = Write(SampleReports.Create());

        Assert.Equal(new[] { "pairs", "subset", "minibatch", "substitution", "gaussian", "mix", "word_swap" }, Keys(root));
        Assert.Equal(new[] { "auc", "eer", "r1_audio_to_text", "r1_text_to_audio" }, Keys(root.GetProperty("minibatch")));
        foreach (var corruption in new[] { "substitution", "gaussian", "mix" })
        {
            var levels = root.GetProperty(corruption).EnumerateArray().ToArray();
            Assert.Equal(8, levels.Length);
            Assert.All(levels, l => Assert.Equal(new[] { "level", "auc", "auc_ci", "drop", "drop_ci", "lift", "lift_ci" }, Keys(l)));
        }

        Assert.Equal(new[] { "auc", "pairs" }, Keys(root.GetProperty("word_swap")));
    }

    [Fact]
    public void Writes_fractions_rounded_to_six_decimals_and_intervals_as_pairs()
    {
        var root = Write(SampleReports.Create());

        Assert.Equal(256, root.GetProperty("pairs").GetInt32());
        Assert.Equal(0.9991, root.GetProperty("minibatch").GetProperty("auc").GetDouble());
        Assert.Equal(0.0123, root.GetProperty("minibatch").GetProperty("eer").GetDouble());
        Assert.Equal(0.875, root.GetProperty("minibatch").GetProperty("r1_audio_to_text").GetDouble());
        Assert.Equal(0.8594, root.GetProperty("minibatch").GetProperty("r1_text_to_audio").GetDouble());
        var twenty = root.GetProperty("substitution")[2];
        Assert.Equal(0.2, twenty.GetProperty("level").GetDouble());
        Assert.Equal(0.9, twenty.GetProperty("drop").GetDouble(), 6);
        Assert.Equal(new[] { 0.87, 0.93 }, twenty.GetProperty("drop_ci").EnumerateArray().Select(v => Math.Round(v.GetDouble(), 6)));
        Assert.Equal(0.9375, root.GetProperty("word_swap").GetProperty("auc").GetDouble());
        Assert.Equal(200, root.GetProperty("word_swap").GetProperty("pairs").GetInt32());
    }

    [Fact]
    public void A_word_swap_without_pairs_has_a_null_auc()
    {
        var swap = Write(SampleReports.Create(wordSwapAuc: null)).GetProperty("word_swap");

        Assert.Equal(JsonValueKind.Null, swap.GetProperty("auc").ValueKind);
        Assert.Equal(0, swap.GetProperty("pairs").GetInt32());
    }
}
