using System.ComponentModel;
using System.Globalization;

namespace Scraps.Deploy.Tests.Support;

/// <summary>Environment-variable names and values as the service's configuration sees them.</summary>
internal static class OptionValues
{
    /// <summary>ASP.NET Core's environment-variable provider turns <c>__</c> into the section separator.</summary>
    public static string ConfigurationKey(string environmentVariable) => environmentVariable.Replace("__", ":", StringComparison.Ordinal);

    public static Dictionary<string, string?> AsSettings(IReadOnlyDictionary<string, string> environment) =>
        environment.ToDictionary(e => ConfigurationKey(e.Key), e => (string?)e.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The text converted to the property's type as the configuration binder does (invariant culture; enums ignore case).</summary>
    public static object? Parse(string text, Type type) =>
        TypeDescriptor.GetConverter(type).ConvertFromString(null, CultureInfo.InvariantCulture, text);

    /// <summary>
    /// Starts a service host configured with <paramref name="environment"/>, builds every options class as the
    /// service does (binding and validation: a bad value throws what the service would throw on start), and checks
    /// that each variable reached its property.
    /// </summary>
    public static async Task AssertBindAndValidateAsync(string where, IReadOnlyDictionary<string, string> environment, ServiceOptionsCatalog catalog)
    {
        await using var configured = new ServiceOptionsCatalog(AsSettings(environment));
        var built = configured.OptionsTypes.ToDictionary(t => t, t =>
        {
            try
            {
                return configured.Create(t);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"{where}: the service refuses its {t.Name}: {e.Message}");
            }
        });

        foreach (var (variable, text) in environment)
        {
            Assert.True(catalog.Keys.TryGetValue(ConfigurationKey(variable), out var option), $"{where}: {variable} is not an option of the service");
            var (type, property) = option;
            Assert.True(
                Equals(Parse(text, property.PropertyType), property.GetValue(built[type])),
                $"{where}: {variable}={text} did not reach {type.Name}.{property.Name} (it is {property.GetValue(built[type])})");
        }
    }
}
