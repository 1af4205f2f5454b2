using System.Text.RegularExpressions;

namespace Scraps.Service.Api.Requests;

/// <summary>
/// A System.Text.Json error message fit for a client: the .NET type it names ("could not be converted to
/// Scraps.Service.Api.Contracts.ScoreRequest", "to System.String" for a lone UTF-16 surrogate) becomes a plain
/// description; the JSON path and position stay.
/// </summary>
internal static partial class JsonErrorText
{
    public static string Describe(System.Text.Json.JsonException error)
    {
        var message = TypeName().Replace(error.Message, match => match.Groups["type"].Value switch
        {
            "System.String" => "is not a valid string (e.g. an unpaired UTF-16 surrogate) or not a string",
            var type when type.StartsWith("System.Collections", StringComparison.Ordinal) || type.Contains("IReadOnlyList", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal)
                => "should be an array",
            var type when type.StartsWith("System.", StringComparison.Ordinal) => $"should be a {type["System.".Length..].ToLowerInvariant()}",
            _ => "should be a JSON object (see the endpoint's schema in /swagger)",
        });
        return message.Replace("The JSON value ", "the JSON value ", StringComparison.Ordinal);
    }

    /// <summary>The JSON property a request record refuses (JsonUnmappedMemberHandling.Disallow), or null for other errors.</summary>
    public static string? UnknownMember(System.Text.Json.JsonException error) =>
        UnmappedMember().Match(error.Message) is { Success: true } match ? match.Groups["name"].Value : null;

    [GeneratedRegex(@"^The JSON property '(?<name>.*)' could not be mapped to any \.NET member")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(@"could not be converted to (?<type>[\w\.`\[\]<>, ]+?)(?=\.\s|\.$|$)")]
    private static partial Regex TypeName();
}
