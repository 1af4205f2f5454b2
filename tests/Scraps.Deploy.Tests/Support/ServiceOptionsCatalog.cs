using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Scraps.Deploy.Tests.Support;

/// <summary>
/// The real service host, configured through a recording source (see <see cref="RecordingConfigurationSource"/>);
/// with no model (unless the settings name one, its folder does not exist), so it starts, answers /health/live
/// and stays unready. From it: the options classes it binds from configuration (every <c>IConfigureOptions&lt;T&gt;</c> of
/// a Scraps type), the configuration key of each of their settable properties (recorded while the service's own
/// binding runs), and the routes it maps.
/// </summary>
public sealed class ServiceOptionsCatalog : WebApplicationFactory<Program>
{
    private readonly RecordingConfigurationSource _recorder;
    private IReadOnlyList<ServiceDescriptor> _registrations = [];
    private IReadOnlyDictionary<string, (Type Options, PropertyInfo Property)>? _keys;

    public ServiceOptionsCatalog()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <param name="settings">Configuration on top of the service's own (keys with ':').</param>
    internal ServiceOptionsCatalog(IReadOnlyDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
        all.TryAdd("Scraps:Model:Path", Path.Combine(Path.GetTempPath(), "scraps-deploy-tests", "no-model"));
        // The binder asks for a section's properties only when the section exists; appsettings.json sets no batching
        // value (each defaults per provider), so a key that is no property makes the section exist.
        all.TryAdd("Scraps:Batching:NotAnOption", string.Empty);
        // Likewise API keys: off by default, so appsettings.json has no such section.
        all.TryAdd("Scraps:ApiKeys:NotAnOption", string.Empty);
        _recorder = new RecordingConfigurationSource(all);
    }

    /// <summary>Every configuration key the service binds to an options property, case-insensitive.</summary>
    internal IReadOnlyDictionary<string, (Type Options, PropertyInfo Property)> Keys => _keys ??= DiscoverKeys();

    /// <summary>The options classes bound from configuration.</summary>
    internal IReadOnlyList<Type> OptionsTypes => Started()._registrations
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(t => t.Assembly.GetName().Name!.StartsWith("Scraps.", StringComparison.Ordinal))
            .Distinct()
            .ToArray();

    /// <summary>Builds each options class as the service does (binding, then validation), or throws what the service would.</summary>
    internal object Create(Type options)
    {
        var factory = Started().Services.GetRequiredService(typeof(IOptionsFactory<>).MakeGenericType(options));
        try
        {
            return factory.GetType().GetMethod(nameof(IOptionsFactory<object>.Create))!.Invoke(factory, [Options.DefaultName])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    /// <summary>The route patterns the service maps, e.g. "/health/live".</summary>
    internal IReadOnlyList<string> Routes() =>
        Started().Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.Trim('/'))
            .Distinct()
            .ToArray();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Critical));
        builder.ConfigureAppConfiguration((_, configuration) => configuration.Add(_recorder));
        builder.ConfigureTestServices(services => _registrations = services.ToArray());
    }

    /// <summary>Builds and starts the host (registrations are captured while it is built).</summary>
    private ServiceOptionsCatalog Started()
    {
        _ = Server;
        return this;
    }

    private Dictionary<string, (Type, PropertyInfo)> DiscoverKeys()
    {
        var keys = new Dictionary<string, (Type, PropertyInfo)>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in OptionsTypes)
        {
            _recorder.Clear();
            Create(type);
            var settable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod?.IsPublic == true)
                .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

            // The section is the prefix under which the properties were asked for; deeper keys (the binder
            // looking into get-only members) are not settings.
            var candidates = _recorder.Keys
                .Select(k => (Key: k, Split: k.LastIndexOf(':')))
                .Where(k => k.Split > 0 && settable.ContainsKey(k.Key[(k.Split + 1)..]))
                .ToArray();
            var section = candidates.GroupBy(k => k.Key[..k.Split], StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault()
                ?? throw new InvalidOperationException($"no configuration key was read while binding {type.Name}");
            foreach (var (key, split) in candidates.Where(k => string.Equals(k.Key[..k.Split], section, StringComparison.OrdinalIgnoreCase)))
            {
                keys[key] = (type, settable[key[(split + 1)..]]);
            }
        }

        return keys;
    }
}
