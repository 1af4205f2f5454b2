using Scraps.Model.Training;

namespace Scraps.Trainer.Export;

/// <summary>
/// Finds the checkpoint to export: the latest of a run folder (<c>--run</c>), or one checkpoint given as its
/// folder or its <c>model.bin</c> (<c>--checkpoint</c>, with <c>state.json</c> beside the weights).
/// </summary>
internal static class ExportCheckpointLocator
{
    /// <exception cref="ArgumentException">Neither or both of run and checkpoint given.</exception>
    /// <exception cref="DirectoryNotFoundException">The run folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">The checkpoint, its weights or its state.json do not exist.</exception>
    /// <exception cref="CheckpointFormatException">The run has no checkpoint, or state.json is unreadable.</exception>
    public static ExportCheckpoint Resolve(string? run, string? checkpoint)
    {
        var hasRun = !string.IsNullOrWhiteSpace(run);
        var hasCheckpoint = !string.IsNullOrWhiteSpace(checkpoint);
        if (hasRun == hasCheckpoint)
        {
            throw new ArgumentException("give either --run RUN_DIR (its latest checkpoint) or --checkpoint CHECKPOINT, not both or neither");
        }

        return hasRun ? FromRun(Path.GetFullPath(run!)) : FromPath(Path.GetFullPath(checkpoint!));
    }

    private static ExportCheckpoint FromRun(string run)
    {
        if (!Directory.Exists(run))
        {
            throw new DirectoryNotFoundException($"run folder not found: {run}");
        }

        var state = CheckpointStore.Latest(run)
            ?? throw new CheckpointFormatException($"run folder {run} holds no checkpoint ({Path.Combine(run, CheckpointStore.Folder, "latest")} is missing)");
        return new ExportCheckpoint(state, RequireWeights(state.WeightsPath!), run);
    }

    private static ExportCheckpoint FromPath(string path)
    {
        string folder;
        string weights;
        if (File.Exists(path))
        {
            folder = Path.GetDirectoryName(path)!;
            weights = path;
        }
        else if (Directory.Exists(path))
        {
            if (Directory.Exists(Path.Combine(path, CheckpointStore.Folder)) && !File.Exists(Path.Combine(path, CheckpointStore.StateFile)))
            {
                return FromRun(path);
            }

            folder = path;
            weights = RequireWeights(Path.Combine(path, CheckpointStore.WeightsFile));
        }
        else
        {
            throw new FileNotFoundException($"checkpoint not found: {path}", path);
        }

        var state = ReadState(folder);
        var parent = Path.GetDirectoryName(folder);
        var run = parent is not null && Path.GetFileName(parent) == CheckpointStore.Folder ? Path.GetDirectoryName(parent) : null;
        return new ExportCheckpoint(state, weights, run);
    }

    private static string RequireWeights(string weights) =>
        File.Exists(weights) ? weights : throw new FileNotFoundException($"checkpoint weights not found: {weights}", weights);

    private static TrainingCheckpoint ReadState(string folder)
    {
        var path = Path.Combine(folder, CheckpointStore.StateFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"checkpoint state not found: {path} (the weights need the state.json the training loop writes beside them)", path);
        }

        return CheckpointStore.LoadState(folder);
    }
}
