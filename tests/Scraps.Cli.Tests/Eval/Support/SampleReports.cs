using Scraps.Cli.Eval;
using Scraps.Inference.Evaluation;

namespace Scraps.Cli.Tests.Eval.Support;

/// <summary>Hand-made reports with known figures for the writer tests.</summary>
internal static class SampleReports
{
    public static EvalReport Create(double? wordSwapAuc = 0.9375)
    {
        static ConfidenceInterval Ci(double value, double half = 0.01) => new(value, value - half, value + half, 0.95);
        static CorruptionLevelResult Level(double level, double auc, double drop, double lift) =>
            new(level, Ci(auc), new ScoreShift(256, (int)Math.Round(drop * 256), (int)Math.Round(lift * 256), Ci(drop, 0.03), Ci(lift, 0.02)));
        var levels = EvalSettings.PaperLevels;
        return new EvalReport(
            Pairs: 256,
            BatchSize: 128,
            Minibatch: new RetrievalSummary(2, 256, Ci(0.9991, 0.0004), Ci(0.0123, 0.002), Ci(3.5, 0.2), Ci(0.8594), Ci(0.875)),
            Substitution: levels.Select(l => Level(l, 1 - (0.5 * l), Math.Min(1, 0.3 + l * 3), 0.05)).ToArray(),
            Gaussian: levels.Select(l => Level(l, 1 - (0.4 * l), l, 0.5 * l)).ToArray(),
            Mix: levels.Select(l => Level(l, 1 - (0.45 * l), l, 0.4 * l)).ToArray(),
            WordSwap: new WordSwapResult(wordSwapAuc, wordSwapAuc is null ? 0 : 200));
    }
}
