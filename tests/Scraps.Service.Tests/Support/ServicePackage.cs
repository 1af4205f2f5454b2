using Scraps.Inference.Tests.Fixtures;

namespace Scraps.Service.Tests.Support;

/// <summary>
/// A tiny random-weight model package with the en-us phoneme inventory (so transcripts go through espeak-ng),
/// built once per test run in a temporary folder.
/// </summary>
internal static class ServicePackage
{
    private static readonly Lazy<string> Shared = new(Build);

    public static string Folder => Shared.Value;

    private static string Build()
    {
        var folder = Path.Combine(Path.GetTempPath(), "scraps-service-tests", Guid.NewGuid().ToString("N"));
        TestPackages.CreateIn(folder, seed: 11, edit: manifest => manifest with { Name = "service-test", Version = "0.1.0" });
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
