using System.CommandLine;
using Scraps.Shared;

// Program.cs only wires commands; each command lives in its own *Command.cs file.
var root = new RootCommand("scraps: score speech against phoneme sequences with a SCRAPS model");
// commands:
root.Subcommands.Add(Scraps.Cli.PhonemizeCommand.Create());
root.Subcommands.Add(Scraps.Cli.Eval.EvalCommand.Create());
root.Subcommands.Add(Scraps.Cli.BenchCommand.Create());
root.Subcommands.Add(Scraps.Cli.ScoreCommand.Create());
root.Subcommands.Add(Scraps.Cli.RankCommand.Create());
root.Subcommands.Add(Scraps.Cli.FeaturesCommand.Create());
root.Subcommands.Add(Scraps.Cli.Report.ReportCommand.Create());
root.Subcommands.Add(Scraps.Cli.FilterCommand.Create());
return await CommandLineRunner.InvokeAsync(root, args);
