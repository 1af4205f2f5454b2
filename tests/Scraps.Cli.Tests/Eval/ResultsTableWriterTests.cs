using Scraps.Cli.Eval;
using Scraps.Cli.Tests.Eval.Support;

namespace Scraps.Cli.Tests.Eval;

public class ResultsTableWriterTests
{
    private static readonly string Table = ResultsTableWriter.Render(SampleReports.Create(), new EvalRunInfo("tiny 0.1.0", "test.jsonl", 7));

    private static string Row(string name) => Table.Split('\n').Single(l => l.StartsWith($"| {name} |", StringComparison.Ordinal));

    [Fact]
    public void Says_what_was_evaluated()
    {
        Assert.Contains("Model `tiny 0.1.0` on `test.jsonl`: 256 matched pairs in 2 random minibatch(es) of 128, seed 7.", Table, StringComparison.Ordinal);
    }

    [Fact]
    public void Has_one_row_per_minibatch_metric_with_its_interval()
    {
        Assert.Equal("| AUC-ROC | 0.9991 | 0.9987–0.9995 | — |", Row("AUC-ROC"));
        Assert.Equal("| EER (%) | 1.23 | 1.03–1.43 | — |", Row("EER (%)"));
        Assert.StartsWith("| Recall@1 audio → text (%) | 87.50 |", Row("Recall@1 audio → text (%)"), StringComparison.Ordinal);
        Assert.StartsWith("| Recall@1 text → audio (%) | 85.94 |", Row("Recall@1 text → audio (%)"), StringComparison.Ordinal);
    }

    [Fact]
    public void Lays_corruption_levels_out_as_columns_with_the_papers_figure_alongside()
    {
        Assert.Contains("| Metric | 5% | 10% | 20% | 40% | 60% | 80% | 90% | 95% |", Table, StringComparison.Ordinal);
        Assert.Equal("| Substitution drops, paper (%) | — | — | 91.06 | — | — | — | — | — |", Row("Substitution drops, paper (%)"));
        var drops = Row("Substitution drops (%)").Split('|', StringSplitOptions.TrimEntries);
        Assert.Equal("90.00 (87.00–93.00)", drops[4]);
        foreach (var name in new[] { "Substitution", "Gaussian", "Mix" })
        {
            Assert.Equal(11, Row($"{name} lifts (%)").Split('|').Length); // edges, name, 8 levels
            Assert.Equal(11, Row($"{name} AUC-ROC").Split('|').Length);
        }
    }

    [Fact]
    public void Reports_the_word_swap_and_which_targets_are_met()
    {
        Assert.Equal("| Word-swap AUC-ROC (matched vs one-word near-miss) | 0.9375 | 200 |", Row("Word-swap AUC-ROC (matched vs one-word near-miss)"));
        Assert.Equal("| random-minibatch AUC-ROC >= 0.999 | 0.9991 | yes |", Row("random-minibatch AUC-ROC >= 0.999"));
        Assert.Equal("| random-minibatch EER <= 1% | 1.23% | no |", Row("random-minibatch EER <= 1%"));
        Assert.Equal("| 20% substitution drops >= 90% (paper 91.06%) | 90.00% | yes |", Row("20% substitution drops >= 90% (paper 91.06%)"));
        Assert.Equal("| gaussian α = 0.6 AUC-ROC >= 0.99 | 0.7600 | no |", Row("gaussian α = 0.6 AUC-ROC >= 0.99"));
    }

    [Fact]
    public void A_word_swap_without_pairs_shows_n_a()
    {
        var table = ResultsTableWriter.Render(SampleReports.Create(wordSwapAuc: null), new EvalRunInfo("m", "t", 0));

        Assert.Contains("| Word-swap AUC-ROC (matched vs one-word near-miss) | n/a | 0 |", table, StringComparison.Ordinal);
    }
}
