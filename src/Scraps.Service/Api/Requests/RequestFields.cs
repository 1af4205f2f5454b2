using System.Reflection;
using System.Text.Json;

namespace Scraps.Service.Api.Requests;

/// <summary>The field (or part) names of a request contract, as its schema and its error details name them.</summary>
internal static class RequestFields
{
    /// <summary>The camelCase names, compared ignoring case as form field names are.</summary>
    public static HashSet<string> Names(Type contract) =>
        contract.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>"'audio', 'transcript' and 'phonemes'".</summary>
    public static string Of(Type contract)
    {
        var names = contract.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => $"'{JsonNamingPolicy.CamelCase.ConvertName(p.Name)}'")
            .ToArray();
        return names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
    }
}
