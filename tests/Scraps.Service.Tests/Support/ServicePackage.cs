using Scraps.Inference.Tests.Fixtures;

namespace Scraps.Service.Tests.Support;

/// <summary>
/// A tiny random-weight model package with the en-us phoneme inventory (so transcripts go through espeak-ng),
/// built once per test run in a temporary folder.
/// </summary>
internal static class ServicePackage
{
    private static readonly Lazy<string> Shared = new(() => Build(TestPackages.Dims(), "0.1.0"));
    private static readonly Lazy<string> SharedWithHead = new(() => Build(TestPackages.HeadDims(), "0.2.0"));

    public static string Folder => Shared.Value;

    /// <summary>The same kind of package with the CTC head (per-word answers, verdict calibration), version 0.2.0.</summary>
    public static string WithHeadFolder => SharedWithHead.Value;

    private static string Build(Scraps.Architecture.ScrapsModelConfig dims, string version)
    {
        var folder = Path.Combine(Path.GetTempPath(), "scraps-service-tests", Guid.NewGuid().ToString("N"));
        TestPackages.CreateIn(folder, seed: 11, dims: dims, edit: manifest => manifest with { Name = "service-test", Version = version });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temporary folder.
            }
        };
        return folder;
    }
}
