using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scraps.Model.Training;

/// <summary>
/// The checkpoints of a run folder: <c>checkpoints/step-NNNNNNNNN/</c> each holding <c>model.bin</c>
/// (weights), <c>optimizer.bin</c> (Adam state) and <c>state.json</c>; <c>checkpoints/latest</c> names the
/// newest complete one. A checkpoint is written under a temporary name and renamed when complete, so an
/// interruption while saving never leaves a half checkpoint as the latest. Every lookup of a checkpoint (resume,
/// <c>--init-from</c>, export) goes through here, so a run folder's layout is known in one place.
/// </summary>
public sealed class CheckpointStore(string runDirectory)
{
    public const string WeightsFile = "model.bin";
    public const string OptimizerFile = "optimizer.bin";
    public const string StateFile = "state.json";

    /// <summary>The run folder's subfolder that holds the checkpoints.</summary>
    public const string Folder = "checkpoints";
    private const string LatestFile = "latest";
    private const string Prefix = "step-";

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string Root { get; } = Path.Combine(runDirectory, Folder);

    /// <summary>The newest checkpoint in <paramref name="runDirectory"/>, or null (to read a run's options before resuming it).</summary>
    public static TrainingCheckpoint? Latest(string runDirectory) => new CheckpointStore(Path.GetFullPath(runDirectory)).LoadLatest();

    /// <summary>
    /// The checkpoint a user named: a run folder's latest checkpoint, or the checkpoint folder itself, with its state read
    /// once. <see cref="DirectoryNotFoundException"/>, <see cref="ArgumentException"/> or <see cref="CheckpointFormatException"/>
    /// (message starting with <paramref name="what"/>) when it is neither or holds no checkpoint.
    /// </summary>
    public static TrainingCheckpoint Find(string runOrCheckpoint, string what)
    {
        var (directory, latest) = Locate(runOrCheckpoint, what);
        return latest ?? LoadState(directory);
    }

    /// <summary>
    /// The folder of the checkpoint a user named (as <see cref="Find"/>); a checkpoint folder is returned without reading
    /// its state, for callers that read it later in their own way.
    /// </summary>
    public static string FolderOf(string runOrCheckpoint, string what) => Locate(runOrCheckpoint, what).Directory;

    /// <summary>A checkpoint folder as given, or a run folder's latest checkpoint, which had to be read to be found.</summary>
    private static (string Directory, TrainingCheckpoint? Latest) Locate(string runOrCheckpoint, string what)
    {
        var full = Path.GetFullPath(runOrCheckpoint);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"{what}: folder not found: {full}");
        }

        if (File.Exists(Path.Combine(full, StateFile)))
        {
            return (full, null);
        }

        if (!Directory.Exists(Path.Combine(full, Folder)))
        {
            throw new ArgumentException($"{what}: {full} is neither a run folder (with {Folder}/) nor a checkpoint folder (with {StateFile}).");
        }

        var latest = Latest(full) ?? throw new CheckpointFormatException($"{what}: run folder {full} holds no checkpoint.");
        return (latest.Directory!, latest);
    }

    /// <summary>Writes a checkpoint: <paramref name="writeWeights"/> and <paramref name="writeOptimizer"/> get the file paths.</summary>
    public string Save(TrainingCheckpoint state, Action<string> writeWeights, Action<string> writeOptimizer, int keep)
    {
        Directory.CreateDirectory(Root);
        var name = Prefix + state.Step.ToString("D9", CultureInfo.InvariantCulture);
        var final = Path.Combine(Root, name);
        var temporary = final + ".partial";
        if (Directory.Exists(temporary))
        {
            Directory.Delete(temporary, recursive: true);
        }

        Directory.CreateDirectory(temporary);
        writeWeights(Path.Combine(temporary, WeightsFile));
        writeOptimizer(Path.Combine(temporary, OptimizerFile));
        File.WriteAllText(Path.Combine(temporary, StateFile), JsonSerializer.Serialize(state, Json));
        if (Directory.Exists(final))
        {
            Directory.Delete(final, recursive: true);
        }

        Directory.Move(temporary, final);

        var latestTemporary = Path.Combine(Root, LatestFile + ".tmp");
        File.WriteAllText(latestTemporary, name + Environment.NewLine);
        File.Move(latestTemporary, Path.Combine(Root, LatestFile), overwrite: true);
        Prune(keep, name);
        return final;
    }

    /// <summary>The newest complete checkpoint, or null when the run folder has none.</summary>
    public TrainingCheckpoint? LoadLatest()
    {
        var latest = Path.Combine(Root, LatestFile);
        if (!File.Exists(latest))
        {
            return null;
        }

        var name = File.ReadAllText(latest).Trim();
        var directory = Path.Combine(Root, name);
        if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !Directory.Exists(directory))
        {
            throw new CheckpointFormatException($"{latest} names checkpoint '{name}', which does not exist in {Root}.");
        }

        return Load(directory);
    }

    /// <summary>One checkpoint folder (<c>RUN/checkpoints/step-NNNNNNNNN</c>); <see cref="CheckpointFormatException"/> when incomplete or unreadable.</summary>
    public static TrainingCheckpoint Load(string directory)
    {
        directory = Path.GetFullPath(directory);
        foreach (var file in new[] { WeightsFile, OptimizerFile, StateFile })
        {
            if (!File.Exists(Path.Combine(directory, file)))
            {
                throw new CheckpointFormatException($"Checkpoint {directory} is incomplete: {file} is missing.");
            }
        }

        return LoadState(directory);
    }

    /// <summary>
    /// Only the <c>state.json</c> of a checkpoint folder, for readers that need no optimizer state (export);
    /// <see cref="FileNotFoundException"/> when it is missing, <see cref="CheckpointFormatException"/> when unreadable.
    /// </summary>
    public static TrainingCheckpoint LoadState(string directory)
    {
        directory = Path.GetFullPath(directory);
        var statePath = Path.Combine(directory, StateFile);
        if (!File.Exists(statePath))
        {
            throw new FileNotFoundException($"Checkpoint state not found: {statePath}.", statePath);
        }

        TrainingCheckpoint? state;
        try
        {
            state = JsonSerializer.Deserialize<TrainingCheckpoint>(File.ReadAllText(statePath), Json);
        }
        catch (JsonException e)
        {
            throw new CheckpointFormatException($"{statePath} is not a valid checkpoint state: {e.Message}", e);
        }
        if (state is null)
        {
            throw new CheckpointFormatException($"{statePath} holds no checkpoint state.");
        }

        if (state.Options?.Config is null || string.IsNullOrEmpty(state.InventoryVersion))
        {
            throw new CheckpointFormatException($"{statePath} is not a valid checkpoint state: options, config or inventoryVersion missing.");
        }

        if (state.FormatVersion != TrainingCheckpoint.CurrentFormatVersion)
        {
            throw new CheckpointFormatException(
                $"{statePath} has format version {state.FormatVersion}; this build reads version {TrainingCheckpoint.CurrentFormatVersion}.");
        }

        return state with { Directory = directory };
    }

    private void Prune(int keep, string newest)
    {
        var complete = Directory.GetDirectories(Root, Prefix + "*")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(n => !n.EndsWith(".partial", StringComparison.Ordinal))
            .OrderByDescending(n => n, StringComparer.Ordinal)
            .ToList();
        foreach (var old in complete.Where(n => n != newest).Skip(Math.Max(0, keep - 1)))
        {
            Directory.Delete(Path.Combine(Root, old), recursive: true);
        }
    }
}

/// <summary>A checkpoint is missing, incomplete, unreadable or does not fit the run it should resume.</summary>
public sealed class CheckpointFormatException(string message, Exception? inner = null) : Exception(message, inner), Scraps.Errors.IInputError;
