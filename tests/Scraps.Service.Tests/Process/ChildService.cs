using Scraps.Service.Tests.Support;
using Scraps.Shared;

namespace Scraps.Service.Tests.Process;

/// <summary>The service from this test's output folder as a child process on the tiny test package.</summary>
internal static class ChildService
{
    public static Task<ServiceProcess> StartAsync(params (string Key, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["Scraps__Model__Path"] = ServicePackage.Folder,
            ["DOTNET_gcServer"] = "0",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return ServiceProcess.StartAsync(Path.Combine(AppContext.BaseDirectory, "Scraps.Service.dll"), environment, CancellationToken.None);
    }

    /// <summary>A collection for the tests that run a child service: one at a time, so their memory and timing are their own.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class Sequential
    {
        public const string Name = "child service";
    }
}
