using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scraps.Service.Engine;

namespace Scraps.Service.Tests.Support;

/// <summary>
/// The service in memory on the test package (or any model path), with configuration overrides and, optionally,
/// gated encoders (<see cref="Gates"/>).
/// </summary>
public class ServiceFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly GatedModelSource? _gates;

    public ServiceFactory()
        : this(null)
    {
    }

    internal ServiceFactory(IReadOnlyDictionary<string, string?>? settings, bool gated = false, string? modelPath = null, bool holdLoading = false)
    {
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        _settings.TryAdd("Scraps:Model:Path", modelPath ?? ServicePackage.Folder);
        // In-memory hosts stop at once; the shutdown tests set their own linger.
        _settings.TryAdd("Scraps:Shutdown:Linger", "00:00:00");
        // Every in-memory request comes from one address: the tests of other features see one shared pool, as a single
        // client would; the per-client share has its own tests (ApiKeyAdmissionTests).
        _settings.TryAdd("Scraps:Admission:ClientShare", "1");
        _gates = gated ? new GatedModelSource(holdLoading) : null;
    }

    private List<string>? _logs;

    /// <summary>Collects every log line (category, level and message) into <paramref name="lines"/>, at every level; call before the first client.</summary>
    internal void CaptureLogs(List<string> lines) => _logs = lines;

    /// <summary>The gated model source (when created with gated: true).</summary>
    internal GatedModelSource Gates => _gates ?? throw new InvalidOperationException("not a gated factory");

    /// <summary>A client, after /health/ready said 200.</summary>
    public async Task<HttpClient> CreateReadyClientAsync()
    {
        var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await client.GetAsync("/health/ready");
            if (response.IsSuccessStatusCode)
            {
                return client;
            }

            var detail = await response.Content.ReadAsStringAsync();
            if (DateTime.UtcNow > deadline || detail.Contains("failed to load", StringComparison.Ordinal))
            {
                throw new TimeoutException($"the service did not get ready: {detail}");
            }

            await Task.Delay(20);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(_logs is null ? LogLevel.Warning : LogLevel.Trace);
            if (_logs is { } lines)
            {
                logging.AddProvider(new ListLoggerProvider(lines));
            }
        });
        if (_gates is { } gates)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<IModelSource>(sp =>
            {
                gates.Inner = ActivatorUtilities.CreateInstance<PackageModelSource>(sp);
                return gates;
            }));
        }
    }
}

/// <summary>Writes every log entry, with its exception, into a list (lock-protected).</summary>
internal sealed class ListLoggerProvider(List<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class ListLogger(string category, List<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (lines)
            {
                lines.Add($"{category} {logLevel}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
