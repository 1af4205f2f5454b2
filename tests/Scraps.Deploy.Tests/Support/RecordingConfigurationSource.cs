using Microsoft.Extensions.Configuration;

namespace Scraps.Deploy.Tests.Support;

/// <summary>
/// A configuration source, added last (so it is asked first), that serves the given settings and records every
/// key the application looks up: binding an options class asks for each of its properties' keys.
/// </summary>
internal sealed class RecordingConfigurationSource(IReadOnlyDictionary<string, string?> settings) : IConfigurationSource
{
    private readonly RecordingProvider _provider = new(settings);

    public IReadOnlyCollection<string> Keys => _provider.Asked.Keys.ToArray();

    public void Clear() => _provider.Asked.Clear();

    public IConfigurationProvider Build(IConfigurationBuilder builder) => _provider;

    private sealed class RecordingProvider : ConfigurationProvider
    {
        public RecordingProvider(IReadOnlyDictionary<string, string?> settings)
        {
            foreach (var (key, value) in settings)
            {
                Data[key] = value;
            }
        }

        public System.Collections.Concurrent.ConcurrentDictionary<string, bool> Asked { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override bool TryGet(string key, out string? value)
        {
            Asked.TryAdd(key, true);
            return base.TryGet(key, out value);
        }
    }
}
