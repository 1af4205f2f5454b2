using System.CommandLine;
using Scraps.Trainer.Corpus.Import;
using Spectre.Console;

namespace Scraps.Trainer.Corpus;

/// <summary>`scraps-train corpus import`: a public corpus folder (LJSpeech, LibriSpeech, Common Voice, the human sets) to a manifest.</summary>
internal static class CorpusImportCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input", "-i") { Description = "Corpus folder", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Manifest to write (JSON Lines)", Required = true };
        var format = new Option<CorpusFormat>("--format") { Description = "Layout: Auto, LjSpeech, LibriSpeech, CommonVoice, SpokenDigits, WakeWords, GCompris or Tess", DefaultValueFactory = _ => CorpusFormat.Auto };
        var split = new Option<string>("--split") { Description = "Put every utterance in this split (train, valid, test) instead of the corpus's own" };
        var limit = new Option<int?>("--limit") { Description = "Keep only the first N utterances" };
        var command = new Command("import", "Read a public corpus layout (LJSpeech, LibriSpeech, Common Voice, and the human sets: spoken digits, wake words, GCompris voices, TESS) into a manifest")
        {
            input, output, format, split, limit,
        };
        command.SetAction(parse =>
        {
            var result = CorpusImporter.Import(parse.GetValue(input)!, parse.GetValue(format), parse.GetValue(output)!, parse.GetValue(split), parse.GetValue(limit));
            AnsiConsole.MarkupLineInterpolated($"[green]{result.Utterances}[/] utterances ({result.Format}) in {result.ManifestPath}: {result.Splits}");
            foreach (var problem in result.Problems.Take(10))
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]skipped[/] {problem}");
            }

            if (result.Problems.Count > 10)
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]... and {result.Problems.Count - 10} more skipped[/]");
            }

            return 0;
        });
        return command;
    }
}
