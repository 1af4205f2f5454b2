namespace Scraps.Model.Training;

/// <summary>
/// What <c>--init-from</c> names, pinned down when the run starts: a run folder becomes its latest checkpoint folder,
/// so that the run's <c>state.json</c> records weights that a later checkpoint of the source run cannot change.
/// </summary>
public static class InitialWeightsLocator
{
    /// <summary>
    /// The full path <see cref="InitialWeights.Resolve"/> reads: a model package folder or a safetensors file as given,
    /// a run folder as its latest checkpoint folder.
    /// </summary>
    public static string FolderOf(string path) =>
        File.Exists(Path.Combine(Path.GetFullPath(path), InitialWeights.PackageManifest)) || SafetensorsInitialWeights.FileOf(path) is not null
            ? Path.GetFullPath(path)
            : CheckpointStore.FolderOf(path, "--init-from");
}
