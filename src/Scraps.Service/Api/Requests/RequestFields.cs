using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace Scraps.Service.Api.Requests;

/// <summary>The field (or part) names of a request contract, as its schema and its error details name them.</summary>
internal static class RequestFields
{
    // Read once per contract type: every multipart request checks its parts against them.
    private static readonly ConcurrentDictionary<Type, string[]> Ordered = new();
    private static readonly ConcurrentDictionary<Type, HashSet<string>> Sets = new();

    /// <summary>The camelCase names, compared ignoring case as form field names are.</summary>
    public static IReadOnlySet<string> Names(Type contract) =>
        Sets.GetOrAdd(contract, static type => CamelCase(type).ToHashSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>"'audio', 'transcript' and 'phonemes'".</summary>
    public static string Of(Type contract)
    {
        var names = CamelCase(contract).Select(n => $"'{n}'").ToArray();
        return names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
    }

    private static string[] CamelCase(Type contract) => Ordered.GetOrAdd(contract, static type =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToArray());
}
