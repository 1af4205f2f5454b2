using Scraps.Model.Training;

namespace Scraps.Trainer.Export;

/// <summary>
/// The checkpoint an export starts from: its state (config, step, inventory version), its weights file and,
/// when it lives in a run folder (<c>RUN/checkpoints/step-N/</c>), that run folder (for valid.csv).
/// </summary>
internal sealed record ExportCheckpoint(TrainingCheckpoint State, string WeightsPath, string? RunDirectory)
{
    /// <summary>The checkpoint folder's name, e.g. <c>step-000001000</c>.</summary>
    public string Name => Path.GetFileName(Path.GetDirectoryName(WeightsPath)) ?? string.Empty;
}
