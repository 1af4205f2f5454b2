using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Scraps.Deploy.Tests.Support;

/// <summary>
/// Reads YAML into <see cref="JsonNode"/> trees (every scalar a string, as YAML gives it) so that tests can walk
/// manifests with indexers.
/// </summary>
internal static class YamlFiles
{
    /// <summary>The documents of one file under deploy/.</summary>
    public static IReadOnlyList<JsonObject> Documents(string relativePath)
    {
        using var reader = new StreamReader(RepoFiles.DeployPath(relativePath));
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents
            .Select(d => ToJson(d.RootNode) as JsonObject ?? throw new InvalidDataException($"{relativePath}: a document is not a mapping"))
            .ToArray();
    }

    /// <summary>The single document of a file.</summary>
    public static JsonObject Document(string relativePath) => Documents(relativePath) switch
    {
        [var only] => only,
        var many => throw new InvalidDataException($"{relativePath}: expected one document, found {many.Count}"),
    };

    /// <summary>The one document of <paramref name="kind"/> among the base's and the batch's resources.</summary>
    public static JsonObject Resource(string relativePath, string kind)
    {
        var document = Document(relativePath);
        Assert.Equal(kind, document["kind"]?.GetValue<string>());
        return document;
    }

    public static string Text(JsonNode? node, string what) =>
        node?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException($"{what} is missing");

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Value: null or "~" or "null", Style: YamlDotNet.Core.ScalarStyle.Plain } => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidDataException($"unexpected YAML node {node.NodeType} at {node.Start}"),
    };
}
