using System.CommandLine;
using System.Globalization;
using Scraps.Inference.Manifests;
using Scraps.Inference.Package;
using Scraps.Inference.Runtime;
using Scraps.Inference.Scoring;
using Scraps.Phonetics;
using Scraps.Shared;
using Spectre.Console;

namespace Scraps.Cli;

/// <summary>
/// <c>scraps score --model DIR --manifest IN.jsonl --out OUT.jsonl [--shard i/n] [--batch N] [--words] [--report DIR]</c>: one
/// <c>{id, score, probability, match}</c> line per utterance. Streams, resumes (ids already in OUT are skipped),
/// reports bad lines on stderr and goes on; a progress bar and a summary go to stderr.
/// </summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model", "-m") { Description = $"Model package folder (default: the bundled {ModelLocator.DefaultRelativePath})" };
        var manifest = new Option<string>("--manifest", "-i")
        {
            Description = "The manifest: this project's JSON Lines ({id, audio, text | phonemes} a line, audio paths relative to it), a NeMo manifest, "
                          + "a Kaldi data directory, Lhotse cuts or supervisions, or a Parquet file (see --format)",
            Required = true,
        };
        var formats = new Manifests.ManifestFormatOptions();
        var recordingCache = new Option<int>("--recording-cache-mb") { Description = "Decoded recordings kept for their segments (MB of 16 kHz samples)", DefaultValueFactory = _ => 1024 };
        var output = new Option<string>("--out", "-o") { Description = "JSON Lines output; appended to (and resumed from) when it exists", Required = true };
        var shard = new Option<string?>("--shard") { Description = "Score only shard i of n (0-based), e.g. 0/4: lines whose ordinal mod n is i" };
        var batch = new Option<int>("--batch", "-b") { Description = "Utterances encoded together", DefaultValueFactory = _ => 16 };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime intra-op threads (0: one per core)", DefaultValueFactory = _ => 0 };
        var words = new Option<bool>("--words") { Description = "Add every word with its start, end, confidence and match (models with the CTC head)" };
        var report = new Option<string?>("--report") { Description = "Also write an HTML filtering report of the output into this folder (as scraps report does)" };
        var strictness = new Option<Scraps.Inference.Calibration.VerdictStrictness>("--strictness")
        {
            Description = "Operating point of 'match': Balanced (the model's threshold), Lenient (keeps more good data) or Strict (catches more wrong words)",
            DefaultValueFactory = _ => Scraps.Inference.Calibration.VerdictStrictness.Balanced,
        };
        var threshold = new Option<double?>("--threshold") { Description = "A verdict logit threshold of your own for 'match' (wins over --strictness; p = sigmoid(threshold))" };

        var command = new Command("score", "Score every utterance of a manifest against its transcript") { model, manifest, output, shard, batch, threads, words, report, strictness, threshold, recordingCache };
        formats.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var shardText = parseResult.GetValue(shard);
            var options = new ManifestScoringOptions(parseResult.GetRequiredValue(manifest), parseResult.GetRequiredValue(output))
            {
                Source = formats.Source(parseResult, parseResult.GetRequiredValue(manifest)),
                RecordingCacheBytes = parseResult.GetValue(recordingCache) is var mb && mb >= 0 ? mb * (1L << 20) : throw new ArgumentException($"--recording-cache-mb must be at least 0, got {mb}"),
                Shard = shardText is null ? ShardSpec.All : ShardSpec.Parse(shardText),
                BatchSize = parseResult.GetValue(batch) is var b && b >= 1 ? b : throw new ArgumentException($"--batch must be at least 1, got {b}"),
                Words = parseResult.GetValue(words),
                Verdict = new VerdictOptions(
                    parseResult.GetValue(strictness),
                    parseResult.GetValue(threshold) is { } t && !double.IsFinite(t) ? throw new ArgumentException($"--threshold must be a finite number, got {t}") : parseResult.GetValue(threshold)),
            };
            var modelOptions = new ScrapsModelOptions { IntraOpThreads = parseResult.GetValue(threads) };
            var code = Run(parseResult.GetValue(model), options, modelOptions, parseResult.InvocationConfiguration.Error, cancellationToken);
            if (code == 0 && parseResult.GetValue(report) is { } reportFolder)
            {
                var written = Report.ReportCommand.Write(options.OutputPath, options.ManifestSource, reportFolder, parseResult.GetValue(model), Report.ReportCommand.DefaultWorst);
                parseResult.InvocationConfiguration.Error.WriteLine($"report: {written.Folder}/{Report.ReportHtmlWriter.FileName} ({written.Kept} kept, {written.Dropped} dropped)");
            }

            return Task.FromResult(code);
        });
        return command;
    }

    private static int Run(string? modelFolder, ManifestScoringOptions options, ScrapsModelOptions modelOptions, TextWriter stderr, CancellationToken cancellationToken)
    {
        // The command is the boundary: its options are checked before the model loads (the job, a library API, checks them
        // again where it is used directly); a bad package is an input error the runner reports (IInputError).
        options.Validate();
        var model = ScrapsModel.Load(ModelLocator.Resolve(modelFolder), modelOptions);

        using (model)
        {
            if (options.Words && !model.Acoustic.HasPhoneLogProbs)
            {
                stderr.WriteLine($"error: --words needs a model with the CTC head; {model.Manifest.Name} {model.Manifest.Version} has none");
                return CommandLineRunner.InputError;
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
            if (!console.Profile.Capabilities.Interactive)
            {
                // Redirected stderr (a log file, a test): one report a line, never wrapped at 80 columns.
                console.Profile.Width = 4096;
            }

            var scorer = new ScrapsScorer(model, CreatePhonemizer(model, console));
            var job = new ManifestScoringJob(scorer, options);
            ManifestScoringSummary summary = null!;
            console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask($"scoring {Path.GetFileName(options.ManifestPath)}", autoStart: true, maxValue: 1);
                    summary = job.Run(new ProgressObserver(task, console), cancellationToken);
                    task.Value = task.MaxValue;
                });

            var rate = summary.Elapsed.TotalSeconds > 0 ? summary.Scored / summary.Elapsed.TotalSeconds : 0;
            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"scored {summary.Scored}, already scored {summary.AlreadyScored}, skipped {summary.Skipped} bad line(s) of {summary.ShardLines} in shard {options.Shard} "
                + $"in {summary.Elapsed.TotalSeconds:0.0} s ({rate:0.0} utterances/s) -> {options.OutputPath}"));
            if (summary.Scored == 0 && summary.AlreadyScored == 0)
            {
                // Nothing to show for the run: a pipeline must not read an empty output as success.
                stderr.WriteLine(summary.ShardLines == 0
                    ? $"error: nothing scored: {options.ManifestPath} has no line in shard {options.Shard}"
                    : $"error: nothing scored: every one of the {summary.ShardLines} line(s) in shard {options.Shard} of {options.ManifestPath} was bad (reasons above)");
                return CommandLineRunner.InputError;
            }

            return 0;
        }
    }

    /// <summary>espeak-ng with the package's voice; scoring X-SAMPA-only manifests works without it.</summary>
    private static IPhonemizer? CreatePhonemizer(ScrapsModel model, IAnsiConsole console)
    {
        var g2p = model.Manifest.G2p;
        try
        {
            var phonemizer = model.CreatePhonemizer();
            if (!string.Equals(phonemizer.EngineVersion, g2p.Version, StringComparison.Ordinal))
            {
                console.WriteLine($"warning: the model was trained with {g2p.Engine} {g2p.Version}, this machine has {phonemizer.EngineVersion}; transcripts may be phonemised differently");
            }

            return phonemizer;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            console.WriteLine($"warning: {g2p.Engine} is not available ({e.Message}); lines with text instead of phonemes will be skipped");
            return null;
        }
    }

    private sealed class ProgressObserver(ProgressTask task, IAnsiConsole console) : IManifestScoringObserver
    {
        public void Started(long shardLines, int alreadyScored)
        {
            task.MaxValue = Math.Max(1, shardLines);
            if (alreadyScored > 0)
            {
                console.WriteLine($"resuming: {alreadyScored} utterance(s) already in the output are skipped");
            }
        }

        public void Advanced(long handledLines) => task.Value = handledLines;

        public void LineSkipped(string where, string? id, string reason)
        {
            // Cut into lines narrower than the console: a wrapped line would tear the live progress bar.
            var text = $"{where}{(id is null ? string.Empty : $" ({id})")}: {reason}";
            var width = Math.Max(20, console.Profile.Width - 1);
            for (var start = 0; start < text.Length; start += width)
            {
                console.Write(new Text(text.Substring(start, Math.Min(width, text.Length - start)) + Environment.NewLine, new Style(Color.Yellow)));
            }
        }
    }
}
