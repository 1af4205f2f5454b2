using System.CommandLine;
using Scraps.Data;
using Scraps.Model.Runtime;
using Scraps.Model.Training;
using Scraps.Phonetics;
using Scraps.Phonetics.Lexicon;
using Scraps.Trainer.Fit;
using Spectre.Console;
using TorchSharp;

namespace Scraps.Trainer;

/// <summary>
/// `scraps-train fit`: trains a SCRAPS model on a feature cache, with checkpoints, validation, CSV and
/// TensorBoard logs in the run folder; `--resume` continues the run from its latest checkpoint.
/// </summary>
internal static class FitCommand
{
    public static Command Create()
    {
        var f = new Flags();
        var command = new Command("fit", "Train a SCRAPS model on a feature cache (Ctrl+C stops after the current step and saves a checkpoint)");
        foreach (var option in new Option[] { f.Cache, f.Out, f.Resume, f.InitFrom, f.Device, f.TorchLib, f.Threads }.Concat(f.TrainingFlags))
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => RunOnForegroundThread(() => Run(f, parse, cancellationToken)));
        return command;
    }

    /// <summary>The defaults of every training flag: those of <see cref="TrainingOptions"/> itself.</summary>
    private static readonly TrainingOptions Defaults = new() { Config = new ScrapsModelConfig() };

    /// <summary>The command's options (one set per command instance).</summary>
    internal sealed class Flags
    {
        public readonly Option<string> Cache = new("--cache") { Description = "Feature cache folder (scraps-train corpus features)", Required = true };
        public readonly Option<string> Config = new("--config") { Description = "Model config: small, paper, a .json file, or a model package folder (its architecture, to fine-tune it)", DefaultValueFactory = _ => "small" };
        public readonly Option<string> Out = new("--out", "-o") { Description = "Run folder: checkpoints, train.csv, valid.csv, tensorboard/", Required = true };
        public readonly Option<long> Steps = new("--steps") { Description = "Total optimiser steps", DefaultValueFactory = _ => Defaults.Steps };
        public readonly Option<int> Batch = new("--batch", "-b")
        {
            Description = $"Pairs per batch (default: {TrainingDefaults.CpuBatchSize} on a CPU, the paper's {Defaults.BatchSize} on CUDA)",
            DefaultValueFactory = _ => Defaults.BatchSize,
        };
        public readonly Option<double> Lr = new("--lr") { Description = "Peak learning rate (Adam)", DefaultValueFactory = _ => Defaults.LearningRate };
        public readonly Option<int> Warmup = new("--warmup")
        {
            Description = $"Linear warm-up steps (default: {Defaults.WarmupSteps}, or a tenth of --steps when that is less)",
            DefaultValueFactory = _ => Defaults.WarmupSteps,
        };
        public readonly Option<string> Schedule = new("--schedule") { Description = "After warm-up: constant or cosine", DefaultValueFactory = _ => "constant" };
        public readonly Option<int> MaxFrames = new("--max-frames-per-batch")
        {
            Description = $"Padded frame budget per batch, 0 for none (default: {TrainingDefaults.CpuFramesPerBatch:N0} frames on a CPU, none on CUDA)",
            DefaultValueFactory = _ => Defaults.MaxFramesPerBatch,
        };
        public readonly Option<int> MaxClipFrames = new("--max-clip-frames") { Description = "Leave out clips longer than this (frames of 12.5 ms)", DefaultValueFactory = _ => Defaults.MaxClipFrames };
        public readonly Option<double> GradClip = new("--grad-clip") { Description = "Global gradient norm clip (0: off)", DefaultValueFactory = _ => Defaults.GradientClipNorm };
        public readonly Option<int> CheckpointEvery = new("--checkpoint-every") { Description = "Steps between checkpoints", DefaultValueFactory = _ => Defaults.CheckpointEvery };
        public readonly Option<int> Keep = new("--keep-checkpoints") { Description = "Newest checkpoints kept", DefaultValueFactory = _ => Defaults.KeepCheckpoints };
        public readonly Option<int> ValidateEvery = new("--validate-every") { Description = "Steps between validations (0: off)", DefaultValueFactory = _ => Defaults.ValidateEvery };
        public readonly Option<int> ValidBatch = new("--valid-batch") { Description = "Pairs per validation minibatch", DefaultValueFactory = _ => Defaults.ValidationBatchSize };
        public readonly Option<int> ValidBatches = new("--valid-batches") { Description = "Validation minibatches", DefaultValueFactory = _ => Defaults.ValidationBatches };
        public readonly Option<int> LogEvery = new("--log-every") { Description = "Steps between log rows", DefaultValueFactory = _ => Defaults.LogEvery };
        public readonly Option<long> Seed = new("--seed") { Description = "Seed of initialisation, data order, dropout and augmentation", DefaultValueFactory = _ => Defaults.Seed };
        public readonly Option<bool> SpecAugment = new("--spec-augment") { Description = "Time and frequency masking of the features while training" };
        public readonly Option<double> NoiseAugment = new("--noise-augment")
        {
            Description = "Share of clips mixed with Gaussian noise on the standardised features, M' = (1-α)M + αN (0: off)",
            DefaultValueFactory = _ => Defaults.NoiseAugmentProbability,
        };
        public readonly Option<double> MixAugment = new("--mix-augment")
        {
            Description = "Share of clips mixed with another clip of the batch the same way (0: off)",
            DefaultValueFactory = _ => Defaults.MixAugmentProbability,
        };
        public readonly Option<double> AugmentMaxAlpha = new("--augment-max-alpha")
        {
            Description = "Largest α of --noise-augment and --mix-augment (α is uniform up to it)",
            DefaultValueFactory = _ => Defaults.AugmentMaxAlpha,
        };
        public readonly Option<int> HardNegatives = new("--hard-negatives")
        {
            Description = "K near-miss phoneme sequences of each pair's own transcript added to its audio->text row (0: off)",
            DefaultValueFactory = _ => Defaults.HardNegatives,
        };
        public readonly Option<string> HardNegativeKinds = new("--hard-negative-kinds")
        {
            Description = "Comma-separated kinds of near miss: close-word, delete-word, insert-word, swap-words, phone-noise",
            DefaultValueFactory = _ => string.Join(',', Defaults.HardNegativeKinds.Kinds().Select(HardNegativeKindNames.Name)),
        };
        public readonly Option<double> HardNegativeWeight = new("--hard-negative-weight")
        {
            Description = "w in L = L_clip + w L_hard + λ L_ctc",
            DefaultValueFactory = _ => Defaults.HardNegativeWeight,
        };
        public readonly Option<double> CtcWeight = new("--ctc-weight")
        {
            Description = "λ in L = L_clip + w L_hard + λ L_ctc; above 0 adds the CTC head to the model (0: no CTC)",
            DefaultValueFactory = _ => Defaults.CtcWeight,
        };
        public readonly Option<double> FrameWeight = new("--frame-weight")
        {
            Description = "μ in L = L_clip + w L_hard + λ L_ctc + μ L_frame: frame cross-entropy of the CTC head against the phone labels of clips that have them (0: off)",
            DefaultValueFactory = _ => Defaults.FrameWeight,
        };
        public readonly Option<double> MatchWeight = new("--match-weight")
        {
            Description = "ν in L = ... + ν L_match: the matching head's loss on each transcript and its near misses (a config with \"matchingHead\"; needs --hard-negatives) (0: off)",
            DefaultValueFactory = _ => Defaults.MatchWeight,
        };
        public readonly Option<string?> Lexicon = new("--lexicon")
        {
            Description = "Pronunciation lexicon of the near misses (scraps-train lexicon); default: built from the CMU word list of pocketsphinx-en-us into the run folder",
        };
        public readonly Option<bool> Resume = new("--resume") { Description = "Continue the run folder's latest checkpoint (same step, optimiser state and data order)" };
        public readonly Option<string?> InitFrom = new("--init-from")
        {
            Description = "Start a new run from the weights of another run's latest checkpoint (a run folder), of one checkpoint folder, of a " +
                          "model package (e.g. models/scraps-en-base), or of a safetensors file with phonemes.json beside it (e.g. trained in PyTorch " +
                          "from scraps-train export --safetensors): fine-tuning, or a curriculum stage with longer clips or more data " +
                          "(same architecture, a CTC head may be added; fresh optimiser, step 0)",
        };
        public readonly Option<string> Device = new("--device") { Description = "auto, cpu or cuda", DefaultValueFactory = _ => "auto" };
        public readonly Option<string?> TorchLib = new("--torch-lib") { Description = $"A CUDA PyTorch installation's torch/lib folder (or ${TorchRuntimeOptions.TorchLibEnvironmentVariable})" };
        public readonly Option<int> Threads = new("--threads") { Description = "CPU threads for torch (0: torch's default)", DefaultValueFactory = _ => 0 };

        /// <summary>Options a resumed run takes from its checkpoint unless given again.</summary>
        public Option[] TrainingFlags =>
            [Config, Steps, Batch, Lr, Warmup, Schedule, MaxFrames, MaxClipFrames, GradClip, CheckpointEvery, Keep, ValidateEvery, ValidBatch, ValidBatches, LogEvery, Seed, SpecAugment,
             NoiseAugment, MixAugment, AugmentMaxAlpha, HardNegatives, HardNegativeKinds, HardNegativeWeight, CtcWeight, FrameWeight, MatchWeight, Lexicon];
    }


    private static int Run(Flags f, ParseResult parse, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        var observer = new FitConsoleObserver(AnsiConsole.Console, interactive ? null : output, TimeProvider.System);

        var device = TorchRuntime.Initialize(new TorchRuntimeOptions { Device = parse.GetValue(f.Device)!, TorchLibPath = parse.GetValue(f.TorchLib) });
        var threads = parse.GetValue(f.Threads);
        if (threads < 0)
        {
            throw new ArgumentException($"--threads must be 0 (torch's default) or positive, got {threads}.");
        }

        if (threads > 0)
        {
            torch.set_num_threads(threads);
        }

        observer.Line($"device {device.Reason}; libtorch via {device.LibTorchSharpPath}{(device.Patched ? " (GLIBCXX-patched copy)" : "")}; " +
                      $"{torch.get_num_threads()} CPU threads");

        using var cache = FeatureCache.Open(parse.GetValue(f.Cache)!);
        var data = new FeatureCacheTrainingData(cache);
        var runDirectory = Path.GetFullPath(parse.GetValue(f.Out)!);
        var checkpoint = parse.GetValue(f.Resume) ? CheckpointStore.Latest(runDirectory) : null;
        if (parse.GetValue(f.Resume) && checkpoint is null)
        {
            observer.Line($"no checkpoint in {runDirectory}: starting a new run");
        }

        var options = ResolveOptions(f, parse, checkpoint, data, device.IsCuda);
        observer.Line($"config {options.Config.Name}: d={options.Config.ModelDim}, {options.Config.Layers} layers, {options.Config.Heads} heads, " +
                      $"LSTM {options.Config.LstmHidden}, subsampling x{options.Config.AcousticSubsampling}, vocabulary {options.Config.VocabSize}" +
                      (options.Config.PhoneBranch is { } branch ? $", {branch.Kind} phone branch ({branch.Layers} x {branch.Dim})" : string.Empty) +
                      (options.Config.MatchingHead is not null ? ", matching head" : string.Empty) + "; " +
                      $"batches of up to {options.BatchSize} clips" + (options.MaxFramesPerBatch > 0 ? $" and {options.MaxFramesPerBatch:N0} padded frames" : string.Empty) +
                      $", clips up to {options.MaxClipFrames * Scraps.Audio.LogMel.FrameSeconds:0.#} s, lr {options.LearningRate:G3} after {options.WarmupSteps} warm-up steps, " +
                      $"{options.Steps} steps; cache {cache.Directory} ({cache.Utterances.Count} clips)");
        if (options.WarmupSteps >= options.Steps)
        {
            observer.Line($"warning: the warm-up ({options.WarmupSteps} steps) is as long as the run ({options.Steps} steps): the learning rate never reaches {options.LearningRate:G3}");
        }

        var loop = new TrainingLoop(options, data, runDirectory, device, new RetrievalValidationScorer(), observer);
        TrainingResult result;
        if (interactive)
        {
            result = AnsiConsole.Progress()
                .AutoClear(false)
                .AutoRefresh(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    observer.Attach(context, context.AddTask("starting", maxValue: options.Steps));
                    return loop.Run(checkpoint is not null || parse.GetValue(f.Resume), cancellationToken);
                });
        }
        else
        {
            result = loop.Run(checkpoint is not null || parse.GetValue(f.Resume), cancellationToken);
        }

        observer.Line(result.Cancelled
            ? $"stopped at step {result.Step}; resume with --resume (checkpoint {result.LastCheckpoint})"
            : $"finished at step {result.Step}: loss {result.FirstLoss:0.000} -> {result.LastLoss:0.000}, {result.StepsPerSecond:0.00} steps/s; checkpoint {result.LastCheckpoint}");
        return result.Cancelled ? 130 : 0;
    }

    /// <summary>
    /// The training options: from the flags for a new run; for a resumed run, the checkpoint's options with
    /// only the flags given again applied on top (the loop then refuses changes to the config or data order).
    /// </summary>
    internal static TrainingOptions ResolveOptions(Flags f, ParseResult parse, TrainingCheckpoint? checkpoint, FeatureCacheTrainingData data, bool cuda = false)
    {
        bool Given(Option option) => checkpoint is null || parse.GetResult(option) is { Implicit: false };
        bool Typed(Option option) => parse.GetResult(option) is { Implicit: false };
        var o = checkpoint?.Options ?? new TrainingOptions { Config = WithVocabulary(ScrapsModelConfig.LoadNamedOrFile(parse.GetValue(f.Config)!), data) };
        if (checkpoint is not null && Given(f.Config))
        {
            o = o with { Config = WithVocabulary(ScrapsModelConfig.LoadNamedOrFile(parse.GetValue(f.Config)!), data) };
        }

        if (Given(f.Steps))
        {
            o = o with { Steps = parse.GetValue(f.Steps) };
        }

        if (Given(f.Batch))
        {
            o = o with { BatchSize = parse.GetValue(f.Batch) };
        }

        if (Given(f.Lr))
        {
            o = o with { LearningRate = parse.GetValue(f.Lr) };
        }

        if (Given(f.Warmup))
        {
            o = o with { WarmupSteps = parse.GetValue(f.Warmup) };
        }

        if (Given(f.Schedule))
        {
            o = o with { Schedule = ParseSchedule(parse.GetValue(f.Schedule)!) };
        }

        if (Given(f.MaxFrames))
        {
            o = o with { MaxFramesPerBatch = parse.GetValue(f.MaxFrames) };
        }

        if (Given(f.MaxClipFrames))
        {
            o = o with { MaxClipFrames = parse.GetValue(f.MaxClipFrames) };
        }

        if (Given(f.GradClip))
        {
            o = o with { GradientClipNorm = parse.GetValue(f.GradClip) };
        }

        if (Given(f.CheckpointEvery))
        {
            o = o with { CheckpointEvery = parse.GetValue(f.CheckpointEvery) };
        }

        if (Given(f.Keep))
        {
            o = o with { KeepCheckpoints = parse.GetValue(f.Keep) };
        }

        if (Given(f.ValidateEvery))
        {
            o = o with { ValidateEvery = parse.GetValue(f.ValidateEvery) };
        }

        if (Given(f.ValidBatch))
        {
            o = o with { ValidationBatchSize = parse.GetValue(f.ValidBatch) };
        }

        if (Given(f.ValidBatches))
        {
            o = o with { ValidationBatches = parse.GetValue(f.ValidBatches) };
        }

        if (Given(f.LogEvery))
        {
            o = o with { LogEvery = parse.GetValue(f.LogEvery) };
        }

        if (Given(f.Seed))
        {
            o = o with { Seed = parse.GetValue(f.Seed) };
        }

        if (Given(f.SpecAugment))
        {
            o = o with { SpecAugment = parse.GetValue(f.SpecAugment) };
        }

        if (Given(f.NoiseAugment))
        {
            o = o with { NoiseAugmentProbability = parse.GetValue(f.NoiseAugment) };
        }

        if (Given(f.MixAugment))
        {
            o = o with { MixAugmentProbability = parse.GetValue(f.MixAugment) };
        }

        if (Given(f.AugmentMaxAlpha))
        {
            o = o with { AugmentMaxAlpha = parse.GetValue(f.AugmentMaxAlpha) };
        }

        if (Given(f.HardNegatives))
        {
            o = o with { HardNegatives = parse.GetValue(f.HardNegatives) };
        }

        if (Given(f.HardNegativeKinds))
        {
            o = o with { HardNegativeKinds = HardNegativeKindNames.ParseList(parse.GetValue(f.HardNegativeKinds)!) };
        }

        if (Given(f.HardNegativeWeight))
        {
            o = o with { HardNegativeWeight = parse.GetValue(f.HardNegativeWeight) };
        }

        if (Given(f.CtcWeight))
        {
            o = o with { CtcWeight = parse.GetValue(f.CtcWeight) };
        }

        if (checkpoint is null)
        {
            // Defaults that fit the machine: the paper's batch of 128 clips up to 20 s is ~80 s a step on 2 CPU cores.
            o = TrainingDefaults.ForDevice(o, cuda, batchGiven: Typed(f.Batch), budgetGiven: Typed(f.MaxFrames), warmupGiven: Typed(f.Warmup));
        }
        if (Given(f.FrameWeight))
        {
            o = o with { FrameWeight = parse.GetValue(f.FrameWeight) };
        }

        if (Given(f.MatchWeight))
        {
            o = o with { MatchWeight = parse.GetValue(f.MatchWeight) };
        }
        // λ > 0 needs the head, ν > 0 the matching head: a new run adds them to the config with their default sizes (a
        // resumed run keeps its checkpoint's config); --init-from starts an added head from its initialisation.
        if (checkpoint is null && o.CtcWeight > 0 && !o.Config.CtcHead)
        {
            o = o with { Config = o.Config with { CtcHead = true } };
        }

        if (checkpoint is null && o.MatchWeight > 0 && o.Config.MatchingHead is null)
        {
            o = o with { Config = o.Config with { MatchingHead = new MatchingHeadConfig() } };
        }

        if (parse.GetValue(f.Lexicon) is { } lexicon)
        {
            o = o with { Lexicon = Path.GetFullPath(lexicon) };
        }
        else if (o.NeedsLexicon && o.Lexicon is null)
        {
            o = o with { Lexicon = LexiconSource.DebianCmuDictionary };
        }

        if (parse.GetValue(f.InitFrom) is { } initFrom)
        {
            if (checkpoint is not null)
            {
                throw new ArgumentException($"--init-from starts a new run, but {checkpoint.Directory} is already a checkpoint of this run: drop --init-from to resume it.");
            }

            o = o with { InitialWeights = InitialWeightsLocator.FolderOf(initFrom) };
        }
        o.Validate();
        return o;
    }

    /// <summary>A config's vocabulary: as set in the file, else the size of the inventory the cache was built with.</summary>
    internal static ScrapsModelConfig WithVocabulary(ScrapsModelConfig config, FeatureCacheTrainingData data)
    {
        if (config.VocabSize > 0)
        {
            return config;
        }

        var inventory = PhonemeInventory.EnglishUs;
        if (data.InventoryVersion != inventory.Version)
        {
            throw new ArgumentException(
                $"The feature cache was built with phoneme inventory '{data.InventoryVersion}', this build has '{inventory.Version}': " +
                "rebuild the cache, or set vocabSize in a config file.");
        }
        return config with { VocabSize = inventory.Count };
    }

    private static LearningRateScheduleKind ParseSchedule(string value) => value.Trim().ToLowerInvariant() switch
    {
        "constant" => LearningRateScheduleKind.Constant,
        "cosine" => LearningRateScheduleKind.Cosine,
        _ => throw new ArgumentException($"--schedule must be constant or cosine, not '{value}'."),
    };

    /// <summary>
    /// Runs the training on a foreground thread: when Ctrl+C arrives, the command line stops waiting after a
    /// short grace period, but the process still lives until the current step and the checkpoint are written.
    /// </summary>
    private static Task<int> RunOnForegroundThread(Func<int> work)
    {
        var completion = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                completion.SetResult(work());
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        })
        {
            IsBackground = false,
            Name = "scraps-train fit",
        };
        thread.Start();
        return completion.Task;
    }
}
