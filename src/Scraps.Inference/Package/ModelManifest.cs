using System.Text.Json.Nodes;
using Scraps.Audio;

namespace Scraps.Inference.Package;

/// <summary>
/// The contents of a model package's <c>model.json</c> (DESIGN.md, "Model package"). Serialised as camelCase JSON
/// by <see cref="ModelManifestJson"/>; <see cref="FormatVersion"/> says which layout a file uses.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>The model.json layout this code writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    public const string FileName = "model.json";

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public required string Name { get; init; }

    public required string Version { get; init; }

    public DateTimeOffset Created { get; init; }

    public required ScrapsModelConfig Architecture { get; init; }

    public required FrontEndSettings FrontEnd { get; init; }

    /// <summary>Per-bin mean/std applied to the log-mel features before the acoustic graph.</summary>
    public required FeatureMeanStd Features { get; init; }

    public required PhonemeInventoryInfo Phonemes { get; init; }

    public required G2pInfo G2p { get; init; }

    public required CalibrationInfo Calibration { get; init; }

    /// <summary>Decision threshold on the raw score (the equal-error point on held-out pairs): match when score ≥ threshold.</summary>
    public required double Threshold { get; init; }

    /// <summary>
    /// The combined verdict (SCRAPS score + CTC alignment) of a model with the CTC head; null for packages without it,
    /// whose probability and match come from <see cref="Calibration"/> and <see cref="Threshold"/> alone.
    /// </summary>
    public VerdictInfo? Verdict { get; init; }

    /// <summary>Free-form record of how the model was trained (data, steps, metrics).</summary>
    public JsonObject? TrainingSummary { get; init; }

    /// <summary>SHA-256 (lower-case hex) of every other file in the package, by file name.</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();
}
