using System.CommandLine;
using Scraps.Shared;

// Program.cs only wires commands; each command lives in its own *Command.cs file.
var root = new RootCommand("scraps-train: build a SCRAPS corpus, train the model, export it to ONNX");
// commands:
root.Subcommands.Add(Scraps.Trainer.Export.ExportCommand.Create());
root.Subcommands.Add(Scraps.Trainer.FitCommand.Create());
root.Subcommands.Add(Scraps.Trainer.BenchCommand.Create());
root.Subcommands.Add(Scraps.Trainer.Corpus.CorpusCommand.Create());
return await CommandLineRunner.InvokeAsync(root, args);
