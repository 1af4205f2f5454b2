using Scraps.Data;

namespace Scraps.Trainer.Export;

/// <summary>What <see cref="PackageExporter"/> writes and how it calibrates; checked by <see cref="Validate"/>.</summary>
internal sealed record ExportSettings
{
    public required string CachePath { get; init; }

    /// <summary>The package folder to create.</summary>
    public required string OutPath { get; init; }

    /// <summary>model.json name; null: the out folder's name.</summary>
    public string? Name { get; init; }

    public string Version { get; init; } = "1.0.0";

    /// <summary>The held-out split the calibration pairs come from: valid or test.</summary>
    public string CalibrationSplit { get; init; } = DataSplits.Valid;

    /// <summary>
    /// More feature caches whose calibration split's clips join the verdict's fit (human speakers held out from
    /// training, e.g. TESS's validation speaker, which may calibrate but never train): each kind of speech (synthetic,
    /// human) then weighs alike in the fit and keeps its own cap on false rejects.
    /// </summary>
    public IReadOnlyList<string> CalibrationCaches { get; init; } = [];

    /// <summary>Matched pairs (clips) to score; each also gives mismatched pairs inside its minibatch.</summary>
    public int CalibrationPairs { get; init; } = 1024;

    /// <summary>Minibatch size for mismatched pairs: each clip against the other clips' phonemes of its minibatch.</summary>
    public int CalibrationBatch { get; init; } = 32;

    /// <summary>The espeak-ng voice the cache was phonemised with (corpus features --voice).</summary>
    public string G2pVoice { get; init; } = "en-us";

    /// <summary>Copy the weights (checkpoint.bin) and config (config.json) into the package for fine-tuning.</summary>
    public bool IncludeCheckpoint { get; init; }

    /// <summary>Replace an existing package in the out folder.</summary>
    public bool Force { get; init; }

    /// <summary>Held-out items run through TorchSharp and ONNX Runtime at export time.</summary>
    public int ParityItems { get; init; } = 8;

    /// <summary>The most relative error (‖ort − torch‖ / ‖torch‖ per vector) the export accepts.</summary>
    public double ParityTolerance { get; init; } = 1e-4;

    /// <summary>Seed of the calibration clip sample.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// The pronunciation lexicon of the near misses the verdict of a model with the CTC head is calibrated against (a
    /// saved lexicon or a CMU-format word list); null: the one the run trained with, else the Debian CMU dictionary.
    /// </summary>
    public string? Lexicon { get; init; }

    /// <summary>CPU threads for torch and ONNX Runtime; 0: their defaults.</summary>
    public int Threads { get; init; }

    /// <summary>The calibration split, normalised.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names the flag.</exception>
    public string Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(CachePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(OutPath);
        string split;
        try
        {
            split = DataSplits.Normalize(CalibrationSplit);
        }
        catch (ManifestFormatException)
        {
            split = CalibrationSplit;
        }

        if (split is not (DataSplits.Valid or DataSplits.Test))
        {
            throw new ArgumentException($"--calibration-split must be valid or test (held-out clips), not '{CalibrationSplit}'");
        }

        Require(CalibrationPairs >= 2, "--calibration-pairs", CalibrationPairs, "must be at least 2");
        Require(CalibrationBatch >= 2, "--calibration-batch", CalibrationBatch, "must be at least 2 (mismatched pairs come from the same minibatch)");
        Require(ParityItems >= 1, "--parity-items", ParityItems, "must be at least 1");
        Require(ParityTolerance > 0 && double.IsFinite(ParityTolerance), "--parity-tolerance", ParityTolerance, "must be a positive number");
        Require(Threads >= 0, "--threads", Threads, "must be 0 (default) or positive");
        if (string.IsNullOrWhiteSpace(Version))
        {
            throw new ArgumentException("--version must not be empty");
        }

        if (string.IsNullOrWhiteSpace(G2pVoice))
        {
            throw new ArgumentException("--voice must not be empty");
        }

        if (Name is not null && string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("--name must not be empty");
        }

        return split;
    }

    private static void Require(bool ok, string flag, object value, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"{flag} {rule}, got {value}");
        }
    }
}
