using System.CommandLine;

namespace Scraps.Cli;

/// <summary>The <c>scraps</c> command tree (Program.cs runs it; the tests parse README's command lines with it).</summary>
internal static class CliCommands
{
    public static RootCommand Create() => new("scraps: score speech against phoneme sequences with a SCRAPS model")
    {
        PhonemizeCommand.Create(),
        Eval.EvalCommand.Create(),
        BenchCommand.Create(),
        ScoreCommand.Create(),
        RankCommand.Create(),
        FeaturesCommand.Create(),
        Report.ReportCommand.Create(),
        FilterCommand.Create(),
    };
}
