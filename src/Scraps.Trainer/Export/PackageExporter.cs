using Scraps.Audio;
using Scraps.Data;
using Scraps.Inference.Calibration;
using Scraps.Inference.Evaluation;
using Scraps.Inference.Package;
using Scraps.Inference.Runtime;
using Scraps.Model.Export;
using Scraps.Model.Modules;
using Scraps.Model.Training;
using Scraps.Phonetics;

namespace Scraps.Trainer.Export;

/// <summary>
/// Turns a training checkpoint into a model package folder (DESIGN.md "Model package"): writes both ONNX graphs,
/// loads them through the engine the service uses (<see cref="ScrapsModel"/>), checks them against the TorchSharp
/// model, fits the score calibration and the equal-error threshold on held-out pairs of the feature cache, and
/// writes model.json. Everything is written to <c>OUT.partial</c> first and moved into place at the end, so a
/// failed export never leaves a package behind.
/// </summary>
internal sealed class PackageExporter(TextWriter log)
{
    /// <summary>The TorchSharp runtime must be initialised (CPU) before this is called.</summary>
    /// <exception cref="ArgumentException">Bad settings, inventories that do not match, too few calibration clips, an out folder in use.</exception>
    /// <exception cref="OnnxParityException">The graphs differ from the TorchSharp model by more than the tolerance.</exception>
    public ExportResult Export(ExportCheckpoint checkpoint, ExportSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(settings);
        var split = settings.Validate();
        var config = checkpoint.State.Options.Config;
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(settings.OutPath));
        var name = settings.Name ?? Path.GetFileName(output);
        CheckOutFolder(output, settings.Force, "the model package");

        using var cache = FeatureCache.Open(settings.CachePath);
        var inventory = PhonemeInventory.EnglishUs;
        CheckInventory(checkpoint, cache, config, inventory);
        var clips = CalibrationClips.Select(cache, split, settings.CalibrationPairs, config, checkpoint.State.Options.MaxClipFrames, settings.Seed);
        log.WriteLine($"checkpoint {checkpoint.WeightsPath} (step {checkpoint.State.Step}, config {config.Name}); " +
                      $"calibration on {clips.Count} '{split}' clips of {cache.Directory}");

        var staging = output + ".partial";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        try
        {
            var result = Build(checkpoint, settings, cache, clips, split, name, inventory, staging, cancellationToken);
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }

            Directory.Move(staging, output);
            return result with { Folder = output };
        }
        catch
        {
            TryDelete(staging);
            throw;
        }
    }

    private ExportResult Build(
        ExportCheckpoint checkpoint, ExportSettings settings, FeatureCache cache, IReadOnlyList<CachedUtterance> clips, string split,
        string name, PhonemeInventory inventory, string staging, CancellationToken cancellationToken)
    {
        var config = checkpoint.State.Options.Config;
        using var net = ScrapsNet.LoadWeights(checkpoint.WeightsPath, config);
        net.eval();
        ScrapsOnnxExporter.Export(net, staging);
        if (settings.IncludeCheckpoint)
        {
            File.Copy(checkpoint.WeightsPath, Path.Combine(staging, ExportFiles.CheckpointWeights));
            config.Save(Path.Combine(staging, ExportFiles.CheckpointConfig));
        }

        // A first model.json (identity calibration) so the engine can load the graphs; replaced below.
        var manifest = new ModelManifest
        {
            Name = name,
            Version = settings.Version,
            Created = DateTimeOffset.UtcNow,
            Architecture = config,
            FrontEnd = FrontEndSettings.Default,
            Features = new FeatureMeanStd([.. cache.Mean], [.. cache.Std]),
            Phonemes = PhonemeInventoryInfo.From(inventory),
            G2p = new G2pInfo(EspeakPhonemizer.EngineName, settings.G2pVoice, EspeakVersion(settings.G2pVoice)),
            Calibration = new CalibrationInfo(CalibrationInfo.Logistic, 1, 0),
            Threshold = 0,
        };
        ModelPackageWriter.Write(staging, manifest);

        ParityResult parity;
        CalibrationScores scores;
        Scraps.Inference.Calibration.VerdictCalibration? verdict = null;
        VerdictFigures? verdictFigures = null;
        var options = new ScrapsModelOptions { IntraOpThreads = settings.Threads };
        using (var model = ScrapsModel.Load(staging, options))
        {
            parity = OnnxParityCheck.Measure(net, model, cache, OnnxParityCheck.PickItems(clips, settings.ParityItems));
            log.WriteLine($"parity ONNX Runtime vs TorchSharp on {parity.Items} held-out items: max relative error " +
                          $"acoustic {parity.MaxAcousticError:E2}, phonetic {parity.MaxPhoneticError:E2}, phone log-probs {parity.MaxPhoneLogProbError:E2}, " +
                          $"matching {parity.MaxMatchingError:E2} (tolerance {settings.ParityTolerance:E0})");
            if (!(parity.MaxError <= settings.ParityTolerance))
            {
                throw new OnnxParityException(
                    $"the exported graphs differ from the TorchSharp model: max relative error {parity.MaxError:E3} " +
                    $"(acoustic {parity.MaxAcousticError:E3}, phonetic {parity.MaxPhoneticError:E3}, phone log-probs {parity.MaxPhoneLogProbError:E3}, " +
                    $"matching {parity.MaxMatchingError:E3}) > {settings.ParityTolerance:E0}; no package written");
            }

            scores = CalibrationScores.Compute(model, cache, clips, settings.CalibrationBatch, cancellationToken);
            if (config.CtcHead)
            {
                var extra = settings.CalibrationCaches.Select(FeatureCache.Open).ToArray();
                try
                {
                    var sources = extra
                        .Select(c => (Cache: c, Clips: CalibrationClips.Select(c, split, settings.CalibrationPairs, config, checkpoint.State.Options.MaxClipFrames, settings.Seed)))
                        .Prepend((Cache: cache, Clips: clips))
                        .ToArray();
                    foreach (var (extraCache, extraClips) in sources.Skip(1))
                    {
                        log.WriteLine($"verdict also calibrated on {extraClips.Count} '{split}' clips of {extraCache.Directory}");
                    }

                    (verdict, verdictFigures) = VerdictScores.Compute(model, sources, NearMisses(checkpoint, settings, inventory, config), settings.Seed, cancellationToken).Fit();
                }
                finally
                {
                    foreach (var c in extra)
                    {
                        c.Dispose();
                    }
                }
                log.WriteLine($"verdict (score + alignment) on {verdictFigures.Pairs} held-out clips, each with a random and a close-word near-miss transcript: " +
                              $"AUC vs random {verdictFigures.RandomAuc:0.0000}, vs near misses {verdictFigures.NearMissAuc:0.0000} (score alone {verdictFigures.NearMissAucScoreOnly:0.0000}); " +
                              $"at the threshold: false rejects {verdictFigures.FalseRejects:P1}, near misses accepted {verdictFigures.NearMissFalseAccepts:P1}, random accepted {verdictFigures.RandomFalseAccepts:P2}");
                foreach (var group in verdictFigures.ByGroup)
                {
                    log.WriteLine($"  {group.Group} ({group.Pairs} clips): AUC vs random {group.RandomAuc:0.0000}, vs near misses {group.NearMissAuc:0.0000}; " +
                                  string.Join("; ", group.Points.Select(p => $"{p.Strictness.ToString().ToLowerInvariant()}: rejects {p.FalseRejects:P1} correct, accepts {p.NearMissAccepts:P1} near misses, {p.RandomAccepts:P1} random")));
                }
            }
        }

        if (scores.Mismatched.Length == 0)
        {
            throw new ArgumentException(
                $"the '{split}' calibration clips all share one phoneme sequence: no mismatched pairs to calibrate on (use more clips or another split)");
        }

        var fit = ScoreCalibration.Fit(scores.Matched, scores.Mismatched);
        var figures = new CalibrationFigures(
            split, scores.Matched.Length, scores.Mismatched.Length, BinaryScoreMetrics.AucRoc(scores.Matched, scores.Mismatched),
            fit.EqualErrorRate, scores.Matched.Average(), scores.Mismatched.Average());
        log.WriteLine($"calibration on {figures.MatchedPairs} matched / {figures.MismatchedPairs} mismatched held-out pairs: " +
                      $"AUC {figures.AucRoc:0.0000}, EER {figures.EqualErrorRate:0.0000}, threshold {fit.Calibration.Threshold:0.0000}, " +
                      $"p = sigmoid({fit.Calibration.A:0.0000} * score + {fit.Calibration.B:0.0000})");

        File.Delete(Path.Combine(staging, ModelManifest.FileName));
        var written = ModelPackageWriter.Write(staging, manifest with
        {
            Calibration = fit.Calibration.ToInfo(),
            Threshold = fit.Calibration.Threshold,
            Verdict = verdict?.ToInfo(),
            TrainingSummary = TrainingSummaryBuilder.Build(checkpoint, cache, figures, parity, verdictFigures),
        });

        // The finished package must load (hashes, graph contracts) exactly as the service will load it.
        using (ScrapsModel.Load(staging, options))
        {
        }

        return new ExportResult(staging, written, figures, parity);
    }

    /// <summary>The close-word sampler the verdict's near misses come from (the run's lexicon unless the settings name one).</summary>
    private static HardNegativeSampler NearMisses(ExportCheckpoint checkpoint, ExportSettings settings, PhonemeInventory inventory, ScrapsModelConfig config)
    {
        var path = settings.Lexicon ?? checkpoint.State.Options.Lexicon;
        // A word list is phonemised with the package's own G2P voice (espeak-ng shares one engine: nothing to dispose).
        var lexicon = Scraps.Phonetics.Lexicon.LexiconSource.Open(
            path, inventory, () => new EspeakPhonemizer(new EspeakOptions { Voice = settings.G2pVoice, Inventory = inventory }));
        return new HardNegativeSampler(inventory, new Scraps.Phonetics.Lexicon.NearMissFinder(lexicon), HardNegativeKind.CloseWord, config.MaxPositions);
    }

    /// <param name="what">What the folder is for, in the "is a file" message.</param>
    internal static void CheckOutFolder(string output, bool force, string what)
    {
        if (File.Exists(output))
        {
            throw new ArgumentException($"--out {output} is a file; give a folder for {what}");
        }

        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any() && !force)
        {
            throw new ArgumentException($"--out {output} is not empty; give a new folder, or --force to replace it");
        }
    }

    private static void CheckInventory(ExportCheckpoint checkpoint, FeatureCache cache, ScrapsModelConfig config, PhonemeInventory inventory)
    {
        if (checkpoint.State.InventoryVersion != cache.InventoryVersion)
        {
            throw new ArgumentException(
                $"checkpoint {checkpoint.WeightsPath} was trained with phoneme inventory '{checkpoint.State.InventoryVersion}', " +
                $"feature cache {cache.Directory} has '{cache.InventoryVersion}': export with the cache the model was trained on");
        }

        if (cache.InventoryVersion != inventory.Version)
        {
            throw new ArgumentException(
                $"the model uses phoneme inventory '{cache.InventoryVersion}', this build ships '{inventory.Version}': export with the build it was trained with");
        }

        if (config.VocabSize != inventory.Count)
        {
            throw new ArgumentException(
                $"checkpoint config '{config.Name}' has vocabSize {config.VocabSize}, the phoneme inventory '{inventory.Version}' has {inventory.Count} tokens");
        }
    }

    private string EspeakVersion(string voice)
    {
        try
        {
            using var phonemizer = new EspeakPhonemizer(new EspeakOptions { Voice = voice });
            return phonemizer.EngineVersion;
        }
        catch (EspeakNotAvailableException e)
        {
            log.WriteLine($"warning: espeak-ng is not available ({e.Message}); g2p.version is 'unknown'");
            return "unknown";
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover .partial folder is replaced by the next export.
        }
    }
}

/// <summary>What an export wrote: the package folder, its manifest and the figures measured on the way.</summary>
internal sealed record ExportResult(string Folder, ModelManifest Manifest, CalibrationFigures Calibration, ParityResult Parity);

/// <summary>File names and fixed values of an exported package besides the ones <see cref="ModelManifest"/> names.</summary>
internal static class ExportFiles
{
    /// <summary>The checkpoint's weights (TorchSharp state dict), with --include-checkpoint.</summary>
    public const string CheckpointWeights = "checkpoint.bin";

    /// <summary>The checkpoint's model config, with --include-checkpoint.</summary>
    public const string CheckpointConfig = "config.json";
}
