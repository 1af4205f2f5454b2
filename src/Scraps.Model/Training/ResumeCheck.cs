namespace Scraps.Model.Training;

/// <summary>
/// Whether a checkpoint can be resumed by a run with these options: resume is exact only when the architecture, the
/// phoneme inventory and everything that fixes the data order are the checkpoint's own, since every random draw derives
/// from (seed, step) and the data position.
/// </summary>
internal static class ResumeCheck
{
    /// <summary><see cref="CheckpointFormatException"/> naming every difference that keeps the run from resuming the checkpoint.</summary>
    public static void ThrowIfNotResumable(TrainingCheckpoint checkpoint, TrainingOptions options, string inventoryVersion)
    {
        var problems = ArchitectureProblems(checkpoint, options, inventoryVersion);
        var saved = checkpoint.Options.DataOrderOptions().ToDictionary(o => o.Name, o => o.Value);
        foreach (var (name, value) in options.DataOrderOptions())
        {
            if (!Equals(saved[name], value))
            {
                problems.Add($"{name} is {value}, the checkpoint used {saved[name]}");
            }
        }

        if (checkpoint.Step > options.Steps)
        {
            problems.Add($"the checkpoint is at step {checkpoint.Step}, past the requested {options.Steps} steps");
        }

        if (problems.Count > 0)
        {
            throw new CheckpointFormatException($"Cannot resume from {checkpoint.Directory}: {string.Join("; ", problems)}.");
        }
    }

    private static List<string> ArchitectureProblems(TrainingCheckpoint checkpoint, TrainingOptions options, string inventoryVersion)
    {
        var problems = new List<string>();
        if (checkpoint.Options.Config != options.Config)
        {
            problems.Add($"the model config differs (checkpoint: {checkpoint.Options.Config.ToJson().ReplaceLineEndings(" ")})");
        }

        if (checkpoint.InventoryVersion != inventoryVersion)
        {
            problems.Add($"the phoneme inventory is {inventoryVersion}, the checkpoint used {checkpoint.InventoryVersion}");
        }

        return problems;
    }
}
