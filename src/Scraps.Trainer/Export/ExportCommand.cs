using System.CommandLine;
using Scraps.Model.Runtime;
using TorchSharp;

namespace Scraps.Trainer.Export;

/// <summary>
/// `scraps-train export`: a training checkpoint to a model package folder (ONNX graphs, calibrated model.json),
/// checked against the TorchSharp model and calibrated on held-out pairs through the service's engine; with
/// `--safetensors`, a checkpoint's or a package's weights to a folder PyTorch reads (<see cref="SafetensorsExporter"/>).
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var run = new Option<string?>("--run") { Description = "Run folder of scraps-train fit: exports its latest checkpoint" };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "A checkpoint folder (RUN/checkpoints/step-N) or its model.bin" };
        var cache = new Option<string?>("--cache") { Description = "The feature cache the model was trained on (mean/std, held-out clips); not needed with --safetensors" };
        var output = new Option<string>("--out", "-o") { Description = "Package folder to write, e.g. models/NAME/ (with --safetensors: the folder for model.safetensors, config.json, phonemes.json)", Required = true };
        var safetensors = new Option<bool>("--safetensors")
        {
            Description = "Write the weights for PyTorch instead of a package: model.safetensors (PyTorch-style names, docs/pytorch.md), config.json and phonemes.json",
        };
        var package = new Option<string?>("--package") { Description = "With --safetensors: export a model package's weights (e.g. models/scraps-en-base) instead of a checkpoint's" };
        var name = new Option<string?>("--name") { Description = "Model name in model.json (default: the out folder's name)" };
        var version = new Option<string>("--version") { Description = "Model version in model.json", DefaultValueFactory = _ => "1.0.0" };
        var split = new Option<string>("--calibration-split") { Description = "Held-out split to calibrate on: valid or test", DefaultValueFactory = _ => "valid" };
        var calibrationCaches = new Option<string[]>("--calibration-cache")
        {
            Description = "Another feature cache whose calibration-split clips join the verdict's fit, e.g. held-out human speakers (repeatable); each kind of speech weighs alike and keeps its own cap on false rejects",
        };
        var pairs = new Option<int>("--calibration-pairs") { Description = "Matched pairs (clips) to calibrate on", DefaultValueFactory = _ => 1024 };
        var batch = new Option<int>("--calibration-batch") { Description = "Minibatch for mismatched pairs (each clip against the others' phonemes)", DefaultValueFactory = _ => 32 };
        var voice = new Option<string>("--voice") { Description = "espeak-ng voice the cache was phonemised with", DefaultValueFactory = _ => "en-us" };
        var include = new Option<bool>("--include-checkpoint") { Description = "Also copy the weights (checkpoint.bin) and config (config.json) for fine-tuning" };
        var force = new Option<bool>("--force") { Description = "Replace the out folder if it is not empty" };
        var parityItems = new Option<int>("--parity-items") { Description = "Held-out items compared between TorchSharp and ONNX Runtime", DefaultValueFactory = _ => 8 };
        var tolerance = new Option<double>("--parity-tolerance") { Description = "Largest relative error accepted", DefaultValueFactory = _ => 1e-4 };
        var seed = new Option<int>("--seed") { Description = "Seed of the calibration sample", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "CPU threads for torch and ONNX Runtime (0: their defaults)", DefaultValueFactory = _ => 0 };
        var lexicon = new Option<string?>("--lexicon")
        {
            Description = "Lexicon of the close-word near misses a CTC-head model's verdict is calibrated against (default: the run's, else the CMU list of pocketsphinx-en-us)",
        };

        var command = new Command("export", "Export a checkpoint as a model package: ONNX graphs, parity check, calibration, model.json");
        foreach (var option in new Option[] { run, checkpoint, package, cache, output, safetensors, name, version, split, calibrationCaches, pairs, batch, voice, include, force, parityItems, tolerance, seed, threads, lexicon })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(parse, cancellationToken)));
        return command;

        int Run(ParseResult parse, CancellationToken cancellationToken)
        {
            var log = parse.InvocationConfiguration.Output;
            if (parse.GetValue(safetensors))
            {
                return RunSafetensors(parse, log);
            }

            if (parse.GetValue(package) is not null)
            {
                throw new ArgumentException("--package exports a package's weights to safetensors: add --safetensors");
            }

            var settings = new ExportSettings
            {
                CachePath = parse.GetValue(cache) ?? throw new ArgumentException("--cache is required: the feature cache the model was trained on (for its mean/std and held-out clips)"),
                OutPath = parse.GetValue(output)!,
                Name = parse.GetValue(name),
                Version = parse.GetValue(version)!,
                CalibrationSplit = parse.GetValue(split)!,
                CalibrationPairs = parse.GetValue(pairs),
                CalibrationCaches = (parse.GetValue(calibrationCaches) ?? []).Select(Path.GetFullPath).ToArray(),
                CalibrationBatch = parse.GetValue(batch),
                G2pVoice = parse.GetValue(voice)!,
                IncludeCheckpoint = parse.GetValue(include),
                Force = parse.GetValue(force),
                ParityItems = parse.GetValue(parityItems),
                ParityTolerance = parse.GetValue(tolerance),
                Seed = parse.GetValue(seed),
                Threads = parse.GetValue(threads),
                Lexicon = parse.GetValue(lexicon),
            };
            settings.Validate();
            var source = ExportCheckpointLocator.Resolve(parse.GetValue(run), parse.GetValue(checkpoint));
            TorchRuntime.Initialize(new TorchRuntimeOptions { Device = "cpu" });
            if (settings.Threads > 0)
            {
                torch.set_num_threads(settings.Threads);
            }

            ExportResult result;
            try
            {
                result = new PackageExporter(log).Export(source, settings, cancellationToken);
            }
            catch (OnnxParityException e)
            {
                // Not the user's input, but not a crash either: say what was measured, exit 1.
                parse.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
                return 1;
            }

            log.WriteLine($"wrote {result.Folder}: {string.Join(", ", result.Manifest.Files.Keys)} + {Scraps.Inference.Package.ModelManifest.FileName} " +
                          $"(threshold {result.Manifest.Threshold:0.0000}, held-out AUC {result.Calibration.AucRoc:0.0000}, EER {result.Calibration.EqualErrorRate:0.0000})");
            return 0;
        }

        int RunSafetensors(ParseResult parse, TextWriter log)
        {
            var packageFolder = parse.GetValue(package);
            var runFolder = parse.GetValue(run);
            var checkpointPath = parse.GetValue(checkpoint);
            if (packageFolder is not null && (runFolder is not null || checkpointPath is not null))
            {
                throw new ArgumentException("give one of --run, --checkpoint or --package, not several");
            }

            TorchRuntime.Initialize(new TorchRuntimeOptions { Device = "cpu" });
            var result = packageFolder is not null
                ? SafetensorsExporter.ExportPackage(packageFolder, parse.GetValue(output)!, parse.GetValue(force))
                : SafetensorsExporter.Export(ExportCheckpointLocator.Resolve(runFolder, checkpointPath), parse.GetValue(output)!, parse.GetValue(force));
            log.WriteLine($"wrote {result.Folder}: {Scraps.Model.Export.SafetensorsWeights.WeightsFile} ({result.Tensors} tensors, {result.Bytes} bytes), " +
                          $"{Scraps.Model.Export.SafetensorsWeights.ConfigFile}, {Scraps.Model.Export.SafetensorsWeights.PhonemesFile}");
            return 0;
        }
    }
}
