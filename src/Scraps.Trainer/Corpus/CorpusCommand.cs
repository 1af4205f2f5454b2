using System.CommandLine;

namespace Scraps.Trainer.Corpus;

/// <summary>`scraps-train corpus`: synth, import, merge and features.</summary>
internal static class CorpusCommand
{
    public static Command Create()
    {
        var command = new Command("corpus", "Build training corpora: synthesize one, import a public one, or cache its features");
        command.Subcommands.Add(CorpusSynthCommand.Create());
        command.Subcommands.Add(CorpusImportCommand.Create());
        command.Subcommands.Add(CorpusMergeCommand.Create());
        command.Subcommands.Add(CorpusCheckLabelsCommand.Create());
        command.Subcommands.Add(CorpusFeaturesCommand.Create());
        return command;
    }
}
