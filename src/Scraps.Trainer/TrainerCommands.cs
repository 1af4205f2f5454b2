using System.CommandLine;

namespace Scraps.Trainer;

/// <summary>The <c>scraps-train</c> command tree (Program.cs runs it; the tests parse README's command lines with it).</summary>
internal static class TrainerCommands
{
    public static RootCommand Create() => new("scraps-train: build a SCRAPS corpus, train the model, export it to ONNX")
    {
        Export.ExportCommand.Create(),
        FitCommand.Create(),
        BenchCommand.Create(),
        Corpus.CorpusCommand.Create(),
    };
}
