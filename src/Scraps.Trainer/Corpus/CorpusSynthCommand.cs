using System.CommandLine;
using Scraps.Trainer.Corpus.Augmentation;
using Scraps.Trainer.Corpus.Synthesis;
using Scraps.Trainer.Corpus.Text;
using Spectre.Console;

namespace Scraps.Trainer.Corpus;

/// <summary>`scraps-train corpus synth`: a synthetic corpus from English text and this machine's synthesizers.</summary>
internal static class CorpusSynthCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out", "-o") { Description = "Output folder (WAVs, manifest.jsonl, train/valid/test.jsonl, corpus.json)", Required = true };
        var clips = new Option<int>("--clips", "-n") { Description = "Number of clips", DefaultValueFactory = _ => 1000 };
        var seed = new Option<long>("--seed") { Description = "Seed: the same seed and options give the same corpus", DefaultValueFactory = _ => 1 };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Clips built in parallel", DefaultValueFactory = _ => Environment.ProcessorCount };
        var text = new Option<string[]>("--text") { Description = "Plain text file to take sentences from (repeatable)" };
        var noFortunes = new Option<bool>("--no-fortunes") { Description = "Do not read sentences from the fortune databases" };
        var fortunes = new Option<string>("--fortunes") { Description = "Fortune database folder", DefaultValueFactory = _ => TextCorpus.DefaultFortunesDirectory };
        var synths = new Option<string[]>("--synths") { Description = "Synthesizers to use: espeak-ng, flite, festival (default: all installed)" };
        var weights = new Option<string[]>("--synth-weights") { Description = "Share of clips per synthesizer, e.g. espeak-ng=0.5,flite=0.3,festival=0.2" };
        var validVoices = new Option<string[]>("--valid-voices")
        {
            Description = $"Voices held out for validation (patterns, '*' wildcard; a base voice matches its variants). Default: {string.Join(",", SynthesisOptions.DefaultValidVoices)}",
        };
        var testSynth = new Option<string>("--test-synth") { Description = "Synthesizer held out whole for the test split, or 'none'", DefaultValueFactory = _ => FestivalSynthesizer.EngineName };
        var validShare = new Option<double>("--valid-share") { Description = "Share of clips in the validation split", DefaultValueFactory = _ => 0.1 };
        var testShare = new Option<double>("--test-share") { Description = "Share of clips in the test split", DefaultValueFactory = _ => 0.1 };
        var noAugment = new Option<bool>("--no-augment") { Description = "No augmentation (only the synthesizers' rate and pitch vary)" };
        var cleanShare = new Option<double>("--clean-share") { Description = "Share of clips left without augmentation", DefaultValueFactory = _ => 0.15 };

        var command = new Command("synth", "Synthesize a corpus: espeak-ng, flite and festival voices reading English sentences, with augmentation")
        {
            output, clips, seed, jobs, text, noFortunes, fortunes, synths, weights, validVoices, testSynth, validShare, testShare, noAugment, cleanShare,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var weightValues = ListOption.Weights(parse.GetValue(weights), "--synth-weights");
            var validPatterns = ListOption.Split(parse.GetValue(validVoices));
            var test = parse.GetValue(testSynth);
            var options = new SynthesisOptions
            {
                OutputDirectory = parse.GetValue(output)!,
                Clips = parse.GetValue(clips),
                Seed = parse.GetValue(seed),
                Jobs = parse.GetValue(jobs),
                TextFiles = parse.GetValue(text) ?? [],
                FortunesDirectory = parse.GetValue(noFortunes) ? null : parse.GetValue(fortunes),
                Synthesizers = ListOption.Split(parse.GetValue(synths)),
                Weights = weightValues.Count > 0 ? weightValues : SynthesisOptions.DefaultWeights,
                ValidVoices = parse.GetResult(validVoices) is null ? null : validPatterns,
                TestSynthesizer = string.IsNullOrWhiteSpace(test) || test == "none" ? null : test,
                ValidShare = parse.GetValue(validShare),
                TestShare = test == "none" ? 0 : parse.GetValue(testShare),
                Augmentation = parse.GetValue(noAugment) ? AugmentationOptions.None : new AugmentationOptions { CleanShare = parse.GetValue(cleanShare) },
            };
            options.Validate();
            var result = await ConsoleProgress.RunAsync("synth", "clips", display => CorpusSynthesizer.RunAsync(options, new DisplayProgress(display), cancellationToken));
            Report(result);
            return result.Clips > 0 ? 0 : 1;
        });
        return command;
    }

    private static void Report(SynthesisResult result)
    {
        AnsiConsole.MarkupLineInterpolated($"[green]{result.Clips}[/] clips ({result.AudioHours:0.00} h) in {result.ManifestPath}");
        AnsiConsole.MarkupLineInterpolated($"built {result.Built}, reused {result.Reused}, failed {result.Failures.Count} in {result.Elapsed.TotalSeconds:0.0} s: [aqua]{result.ClipsPerSecond:0.00} clips/s[/]");
        AnsiConsole.MarkupLineInterpolated($"splits: {string.Join(", ", result.SplitCounts.Select(s => $"{s.Key} {s.Value}"))}");
        AnsiConsole.MarkupLineInterpolated($"synthesizers: {string.Join(", ", result.EngineCounts.Select(s => $"{s.Key} {s.Value}"))}");
        foreach (var failure in result.Failures.Take(5))
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]failed[/] {failure.Id}: {failure.Message}");
        }
    }

    private sealed class DisplayProgress(IProgressDisplay display) : IProgress<SynthesisProgress>
    {
        public void Report(SynthesisProgress value) => display.Update(
            value.Done - value.Reused,
            value.Total - value.Reused,
            value.Failed > 0 ? $"synth ({value.Failed} failed)" : value.Reused > 0 ? $"synth ({value.Reused} reused)" : "synth");
    }
}
