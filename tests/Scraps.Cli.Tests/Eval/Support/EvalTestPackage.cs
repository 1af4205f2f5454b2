using Scraps.Inference.Runtime;
using Scraps.Inference.Tests.Fixtures;

namespace Scraps.Cli.Tests.Eval.Support;

/// <summary>
/// A tiny random-weight model package (the shared test packages: espeak-ng en-us inventory, so transcripts go through
/// espeak-ng), built once per test run in a temporary folder.
/// </summary>
internal static class EvalTestPackage
{
    private static readonly Lazy<string> Shared = new(Build);
    private static readonly Lazy<ScrapsModel> Loaded = new(() => ScrapsModel.Load(Folder, new ScrapsModelOptions { IntraOpThreads = 1 }));

    public static string Folder => Shared.Value;

    /// <summary>The package loaded once for the whole test run (read-only use; never disposed).</summary>
    public static ScrapsModel Model => Loaded.Value;

    private static string Build()
    {
        var folder = Path.Combine(Path.GetTempPath(), "scraps-cli-eval-tests", Guid.NewGuid().ToString("N"));
        TestPackages.CreateIn(folder, seed: 5, edit: manifest => manifest with { Name = "eval-test", Version = "0.1.0" });
        return folder;
    }
}
