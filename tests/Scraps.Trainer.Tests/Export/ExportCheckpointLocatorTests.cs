using System.Text.Json.Nodes;
using Scraps.Model.Training;
using Scraps.Trainer.Export;

namespace Scraps.Trainer.Tests.Export;

[Collection(ExportCollection.Name)]
public sealed class ExportCheckpointLocatorTests(ExportFixture fixture)
{
    private string FirstCheckpoint => Directory.GetDirectories(Path.Combine(fixture.Run, "checkpoints"), "step-*").Order(StringComparer.Ordinal).First();

    [Fact]
    public void A_run_folder_gives_its_latest_checkpoint()
    {
        var found = ExportCheckpointLocator.Resolve(fixture.Run, null);

        Assert.Equal(ExportFixture.Steps, found.State.Step);
        Assert.Equal($"step-{ExportFixture.Steps:D9}", found.Name);
        Assert.Equal(Path.GetFullPath(fixture.Run), found.RunDirectory);
        Assert.Equal("tiny-export", found.State.Options.Config.Name);
    }

    [Fact]
    public void A_checkpoint_folder_its_weights_file_or_a_run_folder_are_all_accepted()
    {
        var byFolder = ExportCheckpointLocator.Resolve(null, FirstCheckpoint);
        var byWeights = ExportCheckpointLocator.Resolve(null, Path.Combine(FirstCheckpoint, "model.bin"));
        var byRun = ExportCheckpointLocator.Resolve(null, fixture.Run);

        Assert.Equal(ExportFixture.Steps / 2, byFolder.State.Step);
        Assert.Equal(byFolder.WeightsPath, byWeights.WeightsPath);
        Assert.Equal(Path.GetFullPath(fixture.Run), byWeights.RunDirectory);
        Assert.Equal(byFolder.State.Options, byWeights.State.Options);
        Assert.Equal(ExportFixture.Steps, byRun.State.Step);
    }

    [Fact]
    public void A_checkpoint_outside_a_run_has_no_run_folder()
    {
        var copy = CopyOfFirstCheckpoint();

        var found = ExportCheckpointLocator.Resolve(null, copy);

        Assert.Null(found.RunDirectory);
        Assert.Equal(Path.Combine(copy, "model.bin"), found.WeightsPath);
    }

    [Fact]
    public void Missing_or_unreadable_state_is_a_clear_error()
    {
        var copy = CopyOfFirstCheckpoint();
        var state = Path.Combine(copy, "state.json");
        var json = JsonNode.Parse(File.ReadAllText(state))!;
        json["formatVersion"] = 99;
        File.WriteAllText(state, json.ToJsonString());
        Assert.Contains("format version 99", Assert.Throws<CheckpointFormatException>(() => ExportCheckpointLocator.Resolve(null, copy)).Message);

        File.WriteAllText(state, "{ not json");
        Assert.Contains("not a valid checkpoint state", Assert.Throws<CheckpointFormatException>(() => ExportCheckpointLocator.Resolve(null, copy)).Message);

        File.Delete(state);
        Assert.Contains("state.json", Assert.Throws<FileNotFoundException>(() => ExportCheckpointLocator.Resolve(null, copy)).Message);
    }

    [Fact]
    public void A_run_folder_without_checkpoints_is_a_clear_error()
    {
        var empty = fixture.NewFolder("empty-run");
        Directory.CreateDirectory(empty);

        var error = Assert.Throws<CheckpointFormatException>(() => ExportCheckpointLocator.Resolve(empty, null));

        Assert.Contains("holds no checkpoint", error.Message);
    }

    private string CopyOfFirstCheckpoint()
    {
        var copy = fixture.NewFolder("ckpt-copy");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(FirstCheckpoint))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }
}
