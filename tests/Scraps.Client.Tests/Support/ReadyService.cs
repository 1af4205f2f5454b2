namespace Scraps.Client.Tests.Support;

/// <summary>One in-memory service on the test package for a whole test class, ready before the first test.</summary>
public class ReadyService : ServiceHost, IAsyncLifetime
{
    public ReadyService()
    {
    }

    protected ReadyService(string modelPath)
        : base(modelPath)
    {
    }

    public async Task InitializeAsync()
    {
        var http = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await http.GetAsync("/health/ready");
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the in-memory service did not get ready in 60 s: {await response.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(20);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}

/// <summary>The same on the test package with the CTC head (per-word answers, verdict).</summary>
public sealed class ReadyHeadService() : ReadyService(Scraps.Service.Tests.Support.ServicePackage.WithHeadFolder);
