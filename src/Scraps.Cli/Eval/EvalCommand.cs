using System.CommandLine;
using System.Diagnostics;
using Scraps.Inference.Package;
using Scraps.Inference.Runtime;
using Scraps.Inference.Scoring;
using Scraps.Phonetics;
using Spectre.Console;

namespace Scraps.Cli.Eval;

/// <summary>
/// <c>scraps eval --model DIR --manifest TEST.jsonl --out REPORT_DIR [--pairs 1152] [--batch 128] [--seed S]</c>: the
/// paper's evaluation (sections 4.2-4.3, Table 1, Figure 2) of a model package on a manifest, through the service's
/// engine. Writes results.json, table.md and drops.png / lifts.png / auc.png into REPORT_DIR; progress and warnings go
/// to stderr, a summary to stdout.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model", "-m") { Description = $"Model package folder (default: the bundled {ModelLocator.DefaultRelativePath})" };
        var manifest = new Option<string>("--manifest", "-i") { Description = "JSON Lines test manifest: {id, audio, text | phonemes} a line; audio paths relative to it", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Report folder (created): results.json, table.md, drops.png, lifts.png, auc.png", Required = true };
        var pairs = new Option<int>("--pairs") { Description = "Matched pairs drawn at random from the manifest (fewer when it has fewer usable lines)", DefaultValueFactory = _ => EvalSettings.DefaultPairs };
        var batch = new Option<int>("--batch", "-b") { Description = "Pairs in each random minibatch (its score matrix gives the mismatched pairs)", DefaultValueFactory = _ => EvalSettings.DefaultBatchSize };
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice (same seed, same manifest and model: same report)", DefaultValueFactory = _ => 0 };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime intra-op threads (0: one per core)", DefaultValueFactory = _ => 0 };
        var lexicon = new Option<string?>("--lexicon")
        {
            Description = $"Pronunciation lexicon of the close-word near misses (saved lexicon or CMU word list; default {Scraps.Phonetics.Lexicon.LexiconSource.DebianCmuDictionary})",
        };

        var textKind = new Option<string?>("--text-kind")
        {
            Description = "Evaluate only the clips of this utterance kind (the manifest's textKind field, e.g. word or passage): every minibatch is drawn from them",
        };
        var minSeconds = new Option<double?>("--min-seconds") { Description = "Evaluate only clips at least this long (seconds of decoded audio)" };
        var maxSeconds = new Option<double?>("--max-seconds") { Description = "Evaluate only clips at most this long (seconds of decoded audio)" };
        var sets = new Option<bool>("--sets")
        {
            Description = "Also the benchmark per set (the lines' source: imported human sets, synthetic): AUC, EER, R@1, near misses, localisation, the verdict's errors, phone error rate; sets.md, sets.json, score-distributions.png",
        };
        var setsOnly = new Option<bool>("--sets-only") { Description = "Only the per-set benchmark (no paper figures)" };
        var setClips = new Option<int>("--set-clips") { Description = "Clips drawn from each set for the per-set benchmark", DefaultValueFactory = _ => 600 };

        var command = new Command("eval", "Measure a model as in the SCRAPS paper: minibatch discrimination, substitution, noise, mixing, word swaps")
        {
            model, manifest, output, pairs, batch, seed, threads, lexicon, textKind, minSeconds, maxSeconds, sets, setsOnly, setClips,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = new EvalSettings
            {
                Pairs = parseResult.GetValue(pairs),
                BatchSize = parseResult.GetValue(batch),
                Seed = parseResult.GetValue(seed),
                Subset = new EvalSubset(parseResult.GetValue(textKind), parseResult.GetValue(minSeconds), parseResult.GetValue(maxSeconds)),
            };
            var threadCount = parseResult.GetValue(threads);
            if (threadCount < 0)
            {
                throw new ArgumentException($"--threads must be 0 or more, got {threadCount}");
            }

            var config = parseResult.InvocationConfiguration;
            var clipsPerSet = parseResult.GetValue(setClips);
            if (clipsPerSet < 2)
            {
                throw new ArgumentException($"--set-clips must be at least 2, got {clipsPerSet}");
            }

            var benchmark = parseResult.GetValue(setsOnly) ? SetMode.Only : parseResult.GetValue(sets) ? SetMode.Also : SetMode.None;
            return Task.FromResult(Run(
                parseResult.GetValue(model),
                parseResult.GetRequiredValue(manifest),
                parseResult.GetRequiredValue(output),
                settings with { SetMode = benchmark, ClipsPerSet = clipsPerSet },
                parseResult.GetValue(lexicon),
                new ScrapsModelOptions { IntraOpThreads = threadCount, MaxBatchSize = 64, MaxBatchSteps = 64 * 2000 },
                config.Output,
                config.Error,
                cancellationToken));
        });
        return command;
    }

    private static int Run(
        string? modelFolder,
        string manifestPath,
        string outputFolder,
        EvalSettings settings,
        string? lexiconPath,
        ScrapsModelOptions modelOptions,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancellationToken)
    {
        settings.Validate();
        if (!File.Exists(manifestPath))
        {
            throw new FileNotFoundException($"manifest not found: {manifestPath}", manifestPath);
        }

        if (File.Exists(outputFolder))
        {
            throw new ArgumentException($"--out must be a folder, but {outputFolder} is a file");
        }

        // A bad package is an input error the runner reports (IInputError).
        var model = ScrapsModel.Load(ModelLocator.Resolve(modelFolder), modelOptions);

        using (model)
        {
            var terminal = new AnsiConsoleOutput(stderr).IsTerminal;
            var console = terminal ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) }) : null;
            var warnings = new EvalWarnings(console is null
                ? stderr.WriteLine
                : message => console.Write(new Text(message + Environment.NewLine, new Style(Color.Yellow))));
            var clock = Stopwatch.StartNew();
            var allLines = EvalManifestReader.Read(manifestPath, (number, reason) => warnings.Warn($"line {number}: {reason}; skipped"));
            var lines = settings.Subset.Select(allLines, manifestPath);
            if (lines.Count < 2)
            {
                throw new InvalidDataException($"manifest {manifestPath} has {lines.Count} well-formed line(s); the evaluation needs at least 2");
            }

            var phonemizer = CreatePhonemizer(model, warnings);
            var substitution = new PhonemeSubstitution(model.Inventory);
            var nearMisses = phonemizer is null
                ? null
                : new WordSwapNearMisses(new WordSwap(allLines.Select(l => l.Entry.Text).OfType<string>()), phonemizer, model.Phonetic.MaxLength);
            var scorer = new ScrapsScorer(model, phonemizer);
            var preparer = new EvalPairPreparer(scorer);
            var edits = phonemizer is null ? null : NearMissEditsOrNull(lexiconPath, model, phonemizer, warnings);
            var info = new EvalRunInfo($"{model.Manifest.Name} {model.Manifest.Version}", Path.GetFileName(manifestPath), settings.Seed);
            if (settings.SetMode != SetMode.None)
            {
                if (phonemizer is null)
                {
                    throw new InvalidDataException("the per-set benchmark edits transcripts as text and needs espeak-ng");
                }

                var setReport = RunWithProgress(console, stderr, warnings, progress =>
                {
                    var sampled = lines.GroupBy(l => l.Entry.Source ?? "unnamed").OrderBy(g => g.Key, StringComparer.Ordinal)
                        .SelectMany(g => EvalPairSampler.Sample(g.ToArray(), preparer, settings with { Pairs = settings.ClipsPerSet }, progress, cancellationToken))
                        .ToArray();
                    return new SetBenchmark(scorer, phonemizer, edits?.Finder, settings.Seed, progress).Run(sampled, cancellationToken);
                });
                Directory.CreateDirectory(outputFolder);
                SetBenchmarkWriter.Write(setReport, info, outputFolder);
                stdout.WriteLine(SetBenchmarkWriter.Table(setReport, info));
                if (settings.SetMode == SetMode.Only)
                {
                    warnings.Summarise();
                    return 0;
                }
            }

            EvalReport Evaluate(IEvalProgress progress)
            {
                var pairs = EvalPairSampler.Sample(lines, preparer, settings, progress, cancellationToken);
                if (pairs.Count < 2)
                {
                    throw new InvalidDataException(settings.Subset.IsAll
                        ? $"manifest {manifestPath} has {pairs.Count} usable pair(s) of {lines.Count} line(s); the evaluation needs at least 2"
                        : $"manifest {manifestPath} has {pairs.Count} usable pair(s) in the subset ({settings.Subset.Describe()}) of {lines.Count} line(s); the evaluation needs at least 2");
                }

                if (pairs.Count < settings.Pairs)
                {
                    warnings.Warn($"the manifest has {pairs.Count} usable pair(s), fewer than the {settings.Pairs} asked for: using them all");
                }

                var report = new EvalRunner(new ModelPairEncoder(model), settings, progress).Run(pairs, substitution, nearMisses, cancellationToken);
                var used = pairs.Take(report.Pairs).ToArray();
                report = report with { Subset = settings.Subset.Describe() };
                return edits is null ? report : report with { NearMisses = new NearMissEvaluation(scorer, edits, settings, progress).Run(used, cancellationToken) };
            }

            EvalReport report;
            if (console is null)
            {
                var progress = new LineEvalProgress(stderr, warnings);
                report = Evaluate(progress);
                progress.Finish();
            }
            else
            {
                report = console.Progress()
                    .AutoClear(false)
                    .HideCompleted(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                    .Start(context =>
                    {
                        var progress = new SpectreEvalProgress(context, warnings);
                        var result = Evaluate(progress);
                        progress.Finish();
                        return result;
                    });
            }

            Directory.CreateDirectory(outputFolder);
            ResultsJsonWriter.Write(report, Path.Combine(outputFolder, ResultsJsonWriter.FileName));
            ResultsTableWriter.Write(report, info, Path.Combine(outputFolder, ResultsTableWriter.FileName));
            CorruptionPlotWriter.Write(report, outputFolder);
            warnings.Summarise();

            stdout.WriteLine(Summary(report, outputFolder, clock.Elapsed));
            return 0;
        }
    }

    /// <summary>Runs <paramref name="work"/> under a progress display: bars on a terminal, lines otherwise.</summary>
    private static T RunWithProgress<T>(IAnsiConsole? console, TextWriter stderr, EvalWarnings warnings, Func<IEvalProgress, T> work)
    {
        if (console is null)
        {
            var lines = new LineEvalProgress(stderr, warnings);
            var result = work(lines);
            lines.Finish();
            return result;
        }

        return console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var progress = new SpectreEvalProgress(context, warnings);
                var result = work(progress);
                progress.Finish();
                return result;
            });
    }

    private static string Summary(EvalReport report, string outputFolder, TimeSpan elapsed)
    {
        var m = report.Minibatch;
        var drops20 = PaperFigures.LevelValue(report.Substitution, 0.20, l => l.Shift.DropRate.Estimate);
        var text = FormattableString.Invariant(
            $"{report.Pairs} pairs in {report.Batches} minibatch(es) of {report.BatchSize}: AUC-ROC {m.AucRoc.Estimate:0.0000}, EER {100 * m.EqualErrorRate.Estimate:0.00}%, ")
            + FormattableString.Invariant($"R@1 audio->text {100 * m.RecallAt1AcousticToPhonetic.Estimate:0.0}%, text->audio {100 * m.RecallAt1PhoneticToAcoustic.Estimate:0.0}%");
        if (drops20 is { } drops)
        {
            text += FormattableString.Invariant($", 20% substitution drops {100 * drops:0.00}%");
        }

        return text + FormattableString.Invariant($"; report in {outputFolder} ({elapsed.TotalSeconds:0.0} s)");
    }

    /// <summary>The text edits of the near-miss rows, or null (with a warning) when no lexicon can be opened.</summary>
    private static NearMissEdits? NearMissEditsOrNull(string? lexiconPath, ScrapsModel model, EspeakPhonemizer phonemizer, EvalWarnings warnings)
    {
        try
        {
            var lexicon = Scraps.Phonetics.Lexicon.LexiconSource.Open(lexiconPath, model.Inventory, () => phonemizer);
            return new NearMissEdits(new Scraps.Phonetics.Lexicon.NearMissFinder(lexicon), phonemizer);
        }
        catch (Exception e) when (lexiconPath is null && e is FileNotFoundException)
        {
            warnings.Warn($"near-miss rows skipped: {e.Message}");
            return null;
        }
    }

    /// <summary>espeak-ng with the package's voice and inventory; X-SAMPA-only manifests are evaluated without it.</summary>
    private static EspeakPhonemizer? CreatePhonemizer(ScrapsModel model, EvalWarnings warnings)
    {
        var g2p = model.Manifest.G2p;
        try
        {
            var phonemizer = model.CreatePhonemizer();
            if (!string.Equals(phonemizer.EngineVersion, g2p.Version, StringComparison.Ordinal))
            {
                warnings.Warn($"the model was trained with {g2p.Engine} {g2p.Version}, this machine has {phonemizer.EngineVersion}; transcripts may be phonemised differently");
            }

            return phonemizer;
        }
        catch (Exception e) when (e is EspeakNotAvailableException or PhonemeInputException or ArgumentException)
        {
            warnings.Warn($"{g2p.Engine} is not available ({e.Message}); lines with text instead of phonemes are skipped and there is no word swap");
            return null;
        }
    }
}
