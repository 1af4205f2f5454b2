using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Scraps.Client.Tests.Support;

/// <summary>The real service in memory, on the tiny test package (or on any model path, e.g. a missing one).</summary>
public class ServiceHost : WebApplicationFactory<Program>
{
    private readonly string _modelPath;

    public ServiceHost()
        : this(Scraps.Service.Tests.Support.ServicePackage.Folder)
    {
    }

    public ServiceHost(string modelPath)
    {
        _modelPath = modelPath;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Scraps:Model:Path", _modelPath);
        builder.UseSetting("Scraps:Shutdown:Linger", "00:00:00");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}

/// <summary>A service whose model folder does not exist: /health/live answers, everything else is 503 with Retry-After 60.</summary>
public sealed class BrokenServiceHost() : ServiceHost(Path.Combine(Path.GetTempPath(), "scraps-client-tests", "no-such-model"));
