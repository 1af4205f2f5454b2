using System.CommandLine;
using Scraps.Data;
using Scraps.Trainer.Corpus.Import;
using Spectre.Console;

namespace Scraps.Trainer.Corpus;

/// <summary>`scraps-train corpus merge`: several manifests into one (a synthetic corpus with imported human sets, say).</summary>
internal static class CorpusMergeCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("manifests") { Description = "Manifests to merge (JSON Lines), in order", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "The merged manifest; audio paths are rewritten relative to it", Required = true };
        var splits = new Option<string[]>("--splits") { Description = "Keep only lines of these splits (e.g. train,valid; lines without a split count as train)" };
        var command = new Command("merge", "Merge manifests into one, audio and phone-time paths made relative to the merged file, every other field kept")
        {
            inputs, output, splits,
        };
        command.SetAction(parse =>
        {
            var kept = ListOption.Split(parse.GetValue(splits));
            var result = ManifestMerger.Merge(parse.GetValue(inputs)!, parse.GetValue(output)!, kept.Count == 0 ? null : kept.Select(DataSplits.Normalize).ToHashSet());
            AnsiConsole.MarkupLineInterpolated($"[green]{result.Lines}[/] lines from {result.Inputs} manifests in {result.Path}");
            foreach (var problem in result.Problems.Take(10))
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]skipped[/] {problem}");
            }

            return result.Lines > 0 ? 0 : 2;
        });
        return command;
    }
}
