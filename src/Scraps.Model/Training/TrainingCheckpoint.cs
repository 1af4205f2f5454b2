namespace Scraps.Model.Training;

/// <summary>
/// <c>state.json</c> of a checkpoint: everything besides the weights and the optimiser state that a resumed
/// run needs to continue exactly where this one stopped. Random streams are derived from (seed, step), so
/// the step and the data position are the whole random state.
/// </summary>
public sealed record TrainingCheckpoint
{
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Optimiser steps done.</summary>
    public long Step { get; init; }

    /// <summary>The next batch to train on.</summary>
    public DataPosition Position { get; init; }

    public required TrainingOptions Options { get; init; }

    public required string InventoryVersion { get; init; }

    /// <summary>Training loss of the last step before saving.</summary>
    public double LastLoss { get; init; }

    public DateTimeOffset SavedAt { get; init; }

    /// <summary>The folder the checkpoint was read from (not stored).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Directory { get; init; }

    /// <summary>The checkpoint's weights (<see cref="Modules.ScrapsNet.LoadWeights"/> with <see cref="TrainingOptions.Config"/>), or null when not read from a folder.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? WeightsPath => Directory is null ? null : Path.Combine(Directory, CheckpointStore.WeightsFile);
}
