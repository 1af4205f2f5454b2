using Scraps.Model.Training;

namespace Scraps.Model.Tests.Training;

public sealed class CheckpointStoreTests : IDisposable
{
    private readonly string _run = Directory.CreateTempSubdirectory("scraps-ckpt-").FullName;

    public void Dispose() => Directory.Delete(_run, recursive: true);

    private static TrainingCheckpoint State(long step) => new()
    {
        Step = step,
        Position = new DataPosition(2, (int)step % 7),
        Options = new TrainingOptions { Config = TrainingTestConfigs.Tiny(12), Seed = 9, Schedule = LearningRateScheduleKind.Cosine },
        InventoryVersion = "inv-3",
        LastLoss = 1.25,
        SavedAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
    };

    private static string Save(CheckpointStore store, long step, int keep = 3) =>
        store.Save(State(step), p => File.WriteAllText(p, $"weights {step}"), p => File.WriteAllText(p, $"adam {step}"), keep);

    [Fact]
    public void Saves_and_loads_the_latest_checkpoint_with_its_state()
    {
        var store = new CheckpointStore(_run);
        Assert.Null(store.LoadLatest());
        Save(store, 100);
        var directory = Save(store, 200);

        var latest = store.LoadLatest();
        Assert.NotNull(latest);
        Assert.Equal(directory, latest.Directory);
        Assert.Equal(State(200) with { Directory = directory }, latest with { Options = State(200).Options });
        Assert.Equal(State(200).Options with { Config = latest.Options.Config }, latest.Options);
        Assert.Equal(TrainingTestConfigs.Tiny(12), latest.Options.Config);
        Assert.Equal("weights 200", File.ReadAllText(Path.Combine(directory, CheckpointStore.WeightsFile)));
        Assert.Equal("adam 200", File.ReadAllText(Path.Combine(directory, CheckpointStore.OptimizerFile)));
    }

    [Fact]
    public void Keeps_only_the_newest_checkpoints()
    {
        var store = new CheckpointStore(_run);
        foreach (var step in new[] { 10, 20, 30, 40 })
        {
            Save(store, step, keep: 2);
        }

        Assert.Equal(["step-000000030", "step-000000040"], Directory.GetDirectories(store.Root).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_failed_save_leaves_the_previous_checkpoint_as_latest()
    {
        var store = new CheckpointStore(_run);
        Save(store, 10);
        Assert.Throws<IOException>(() => store.Save(State(20), p => File.WriteAllText(p, "w"), _ => throw new IOException("disk full"), 3));
        Assert.Equal(10, store.LoadLatest()!.Step);
    }

    [Fact]
    public void An_incomplete_or_corrupt_checkpoint_is_reported_with_its_path()
    {
        var store = new CheckpointStore(_run);
        var directory = Save(store, 10);
        File.WriteAllText(Path.Combine(directory, CheckpointStore.StateFile), "{ not json");
        Assert.Contains(CheckpointStore.StateFile, Assert.Throws<CheckpointFormatException>(store.LoadLatest).Message);
        File.Delete(Path.Combine(directory, CheckpointStore.OptimizerFile));
        Assert.Contains("optimizer.bin is missing", Assert.Throws<CheckpointFormatException>(store.LoadLatest).Message);
    }

    [Fact]
    public void A_named_run_folder_is_its_latest_checkpoint_and_a_checkpoint_folder_is_itself()
    {
        var store = new CheckpointStore(_run);
        var first = Save(store, 10);
        var latest = Save(store, 20);

        Assert.Equal((latest, 20L), (CheckpointStore.Find(_run, "x").Directory, CheckpointStore.Find(_run, "x").Step));
        Assert.Equal((first, 10L), (CheckpointStore.Find(first, "x").Directory, CheckpointStore.Find(first, "x").Step));
        Assert.Equal(latest, CheckpointStore.FolderOf(_run, "x"));
        Assert.Equal(first, CheckpointStore.FolderOf(first, "x"));
    }

    [Fact]
    public void A_named_folder_that_is_neither_a_run_nor_a_checkpoint_is_refused()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_run, "empty")).FullName;
        Assert.Contains("neither a run folder", Assert.Throws<ArgumentException>(() => CheckpointStore.FolderOf(empty, "--init-from")).Message);
        Assert.Throws<DirectoryNotFoundException>(() => CheckpointStore.Find(Path.Combine(_run, "missing"), "--init-from"));
        Directory.CreateDirectory(Path.Combine(empty, "checkpoints"));
        Assert.StartsWith("--init-from: ", Assert.Throws<CheckpointFormatException>(() => CheckpointStore.Find(empty, "--init-from")).Message);
        Assert.Contains("holds no checkpoint", Assert.Throws<CheckpointFormatException>(() => CheckpointStore.FolderOf(empty, "--init-from")).Message);
    }
}
