using System.CommandLine;
using Scraps.Trainer.Corpus.Augmentation;
using Scraps.Trainer.Corpus.Synthesis;
using Scraps.Trainer.Corpus.Text;
using Spectre.Console;

namespace Scraps.Trainer.Corpus;

/// <summary>`scraps-train corpus synth`: a synthetic corpus from English text and this machine's synthesizers.</summary>
internal static class CorpusSynthCommand
{
    private const string None = "none";

    public static Command Create()
    {
        var output = new Option<string>("--out", "-o") { Description = "Output folder (WAVs, manifest.jsonl, train/valid/test.jsonl, corpus.json)", Required = true };
        var clips = new Option<int>("--clips", "-n") { Description = "Number of clips", DefaultValueFactory = _ => 1000 };
        var seed = new Option<long>("--seed") { Description = "Seed: the same seed and options give the same corpus", DefaultValueFactory = _ => 1 };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Clips built in parallel", DefaultValueFactory = _ => Environment.ProcessorCount };
        var text = new Option<string[]>("--text") { Description = "Plain text file to take sentences from (repeatable)" };
        var noFortunes = new Option<bool>("--no-fortunes") { Description = "Do not read sentences from the fortune databases" };
        var fortunes = new Option<string>("--fortunes") { Description = "Fortune database folder", DefaultValueFactory = _ => TextCorpus.DefaultFortunesDirectory };
        var textKinds = new Option<string[]>("--text-kinds")
        {
            Description = $"Share of clips per text kind ({string.Join(", ", TextKinds.All)}); kinds not named get 0. Default: {Describe(TextKinds.DefaultShares)}",
        };
        var wordList = new Option<string>("--word-list") { Description = "Word list of single-word clips (Debian wamerican)", DefaultValueFactory = _ => WordLists.DefaultWordList };
        var nameList = new Option<string>("--name-list") { Description = "First names of name clips, plain or .gz (Debian miscfiles)", DefaultValueFactory = _ => WordLists.DefaultNameList };
        var synths = new Option<string[]>("--synths") { Description = "Synthesizers to use: espeak-ng, flite, festival (default: all installed)" };
        var weights = new Option<string[]>("--synth-weights") { Description = "Share of clips per synthesizer, e.g. espeak-ng=0.5,flite=0.3,festival=0.2" };
        var voiceWeights = new Option<string[]>("--voice-weights")
        {
            Description = "Relative weight of voices within their synthesizer (engine:voice patterns, '*' wildcard; others weigh 1), " +
                "e.g. espeak-ng:en-us=4: espeak-ng's en-us voices speak in their own phones, so their clips carry phone labels",
        };
        var validVoices = new Option<string[]>("--valid-voices")
        {
            Description = $"Voices held out for validation (engine:voice patterns, '*' wildcard; a base voice matches its variants), or '{None}'. Default: {string.Join(",", SynthesisOptions.DefaultValidVoices)}",
        };
        var testVoices = new Option<string[]>("--test-voices")
        {
            Description = $"Voices held out for test, or '{None}'. Default: {string.Join(",", SynthesisOptions.DefaultTestVoices)}",
        };
        var validShare = new Option<double>("--valid-share") { Description = "Share of clips in the validation split", DefaultValueFactory = _ => 0.1 };
        var testShare = new Option<double>("--test-share") { Description = "Share of clips in the test split", DefaultValueFactory = _ => 0.1 };
        var noAugment = new Option<bool>("--no-augment") { Description = "No augmentation (only the synthesizers' rate and pitch vary)" };
        var codecs = new Option<string[]>("--codecs") { Description = $"Codecs the codec augmentation uses. Default: {string.Join(",", CodecPlan.Formats)}" };
        var defaults = new AugmentationOptions();
        var shares = AugmentationKinds.All.Select(kind => (Kind: kind, Option: new Option<double?>($"--{kind.Name}")
        {
            Description = $"{kind.Description} (default {kind.Get(defaults)})",
        })).ToArray();

        var command = new Command("synth", "Synthesize a corpus: espeak-ng, flite and festival voices reading English sentences, words, numbers, commands, spontaneous speech and passages, with recording augmentations")
        {
            output, clips, seed, jobs, text, noFortunes, fortunes, textKinds, wordList, nameList, synths, weights, voiceWeights, validVoices, testVoices, validShare, testShare,
            noAugment, codecs,
        };
        foreach (var (_, option) in shares)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var augmentation = parse.GetValue(noAugment) ? AugmentationOptions.None : new AugmentationOptions();
            foreach (var (kind, option) in shares)
            {
                if (parse.GetValue(option) is { } value)
                {
                    augmentation = kind.Set(augmentation, value);
                }
            }

            var weightValues = ListOption.Weights(parse.GetValue(weights), "--synth-weights");
            var kindValues = ListOption.Weights(parse.GetValue(textKinds), "--text-kinds");
            var codecValues = ListOption.Split(parse.GetValue(codecs));
            var testPatterns = HeldOut(parse.GetResult(testVoices) is null ? null : ListOption.Split(parse.GetValue(testVoices)));
            var options = new SynthesisOptions
            {
                OutputDirectory = parse.GetValue(output)!,
                Clips = parse.GetValue(clips),
                Seed = parse.GetValue(seed),
                Jobs = parse.GetValue(jobs),
                TextFiles = parse.GetValue(text) ?? [],
                FortunesDirectory = parse.GetValue(noFortunes) ? null : parse.GetValue(fortunes),
                TextKindShares = kindValues.Count > 0 ? kindValues : TextKinds.DefaultShares,
                WordList = parse.GetValue(wordList)!,
                NameList = parse.GetValue(nameList)!,
                Synthesizers = ListOption.Split(parse.GetValue(synths)),
                Weights = weightValues.Count > 0 ? weightValues : SynthesisOptions.DefaultWeights,
                VoiceWeights = ListOption.Weights(parse.GetValue(voiceWeights), "--voice-weights"),
                ValidVoices = HeldOut(parse.GetResult(validVoices) is null ? null : ListOption.Split(parse.GetValue(validVoices))),
                TestVoices = testPatterns,
                ValidShare = parse.GetValue(validShare),
                TestShare = testPatterns is [] ? 0 : parse.GetValue(testShare),
                Augmentation = augmentation,
                Codecs = codecValues.Count > 0 ? codecValues : CodecPlan.Formats,
            };
            options.Validate();
            var result = await ConsoleProgress.RunAsync("synth", "clips", display => CorpusSynthesizer.RunAsync(options, new DisplayProgress(display), cancellationToken));
            Report(result);
            return result.Clips > 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>Null (not given: the defaults), empty for 'none', else the patterns.</summary>
    private static IReadOnlyList<string>? HeldOut(IReadOnlyList<string>? patterns) => patterns switch
    {
        null => null,
        [var only] when only == None => [],
        _ when patterns.Contains(None) => throw new ArgumentException($"'{None}' cannot be combined with voice patterns"),
        _ => patterns,
    };

    private static string Describe(IReadOnlyDictionary<string, double> shares) =>
        string.Join(",", shares.Select(s => $"{s.Key}={s.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));

    private static void Report(SynthesisResult result)
    {
        AnsiConsole.MarkupLineInterpolated($"[green]{result.Clips}[/] clips ({result.AudioHours:0.00} h) in {result.ManifestPath}");
        var perCore = result.ClipsPerCpuSecond is { } rate ? $", {rate:0.00} clips per CPU second" : string.Empty;
        AnsiConsole.MarkupLineInterpolated(
            $"built {result.Built}, reused {result.Reused}, failed {result.Failures.Count} in {result.Elapsed.TotalSeconds:0.0} s: [aqua]{result.ClipsPerSecond:0.00} clips/s[/] with {result.Jobs} jobs{perCore}");
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
