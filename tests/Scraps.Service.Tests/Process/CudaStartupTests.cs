using System.Diagnostics;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Process;

/// <summary>The real process with ExecutionProvider=Cuda where CUDA cannot run: it exits at once, non-zero, saying why.</summary>
[Collection(ChildService.Sequential.Name)]
public sealed class CudaStartupTests
{
    [Fact]
    public async Task The_service_process_exits_with_code_3_and_one_critical_line_naming_the_cause()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Scraps.Service.dll") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Scraps__Model__Path"] = ServicePackage.Folder;
        start.Environment["Scraps__Inference__ExecutionProvider"] = "Cuda";
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));

        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var output = await stdout + await stderr;
        Assert.Equal(3, process.ExitCode);
        var lines = output.Split('\n').Select(l => l.Trim()).ToArray();
        var cause = Assert.Single(lines, l => l.StartsWith("Cannot start: ExecutionProvider is Cuda, but ", StringComparison.Ordinal));
        Assert.Contains("CUDA", cause[("Cannot start: ExecutionProvider is Cuda, but ".Length)..], StringComparison.Ordinal);
    }
}
