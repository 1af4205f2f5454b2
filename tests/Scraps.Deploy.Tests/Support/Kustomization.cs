using System.Text.Json.Nodes;

namespace Scraps.Deploy.Tests.Support;

/// <summary>One kustomization.yaml: its resources, patches, images and generated ConfigMap literals.</summary>
internal sealed record Kustomization(string Folder, JsonObject Document)
{
    /// <summary>Every kustomization under deploy/, by folder relative to it (e.g. "overlays/gpu").</summary>
    public static IReadOnlyList<Kustomization> All() =>
        RepoFiles.DeployYamlFiles()
            .Where(f => Path.GetFileName(f) == "kustomization.yaml")
            .Select(f => new Kustomization(Path.GetDirectoryName(f)!.Replace('\\', '/'), YamlFiles.Document(f)))
            .ToArray();

    public static Kustomization Load(string folder) => new(folder, YamlFiles.Document($"{folder}/kustomization.yaml"));

    /// <summary>A kustomize Component (deploy/components/*): added to an overlay with <c>components:</c>.</summary>
    public bool IsComponent => Document["kind"]?.GetValue<string>() == "Component";

    /// <summary>Resources, folder-relative as written (files, or other kustomization folders such as ../../base).</summary>
    public IReadOnlyList<string> Resources => Strings(Document["resources"]);

    /// <summary>Patch files, folder-relative.</summary>
    public IReadOnlyList<string> Patches =>
        (Document["patches"] as JsonArray ?? []).Select(p => YamlFiles.Text(p!["path"], $"{Folder}: a patch's path")).ToArray();

    /// <summary>The <c>images</c> entries: name, newName, newTag.</summary>
    public IReadOnlyList<(string Name, string? NewName, string? NewTag)> Images =>
        (Document["images"] as JsonArray ?? [])
            .Select(i => (YamlFiles.Text(i!["name"], $"{Folder}: an image's name"), i["newName"]?.GetValue<string>(), i["newTag"]?.GetValue<string>()))
            .ToArray();

    /// <summary>The literals of each configMapGenerator entry, by ConfigMap name, in order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<string, string>>> ConfigMapLiterals =>
        (Document["configMapGenerator"] as JsonArray ?? []).ToDictionary(
            g => YamlFiles.Text(g!["name"], $"{Folder}: a configMapGenerator's name"),
            g => (IReadOnlyList<KeyValuePair<string, string>>)Strings(g!["literals"]).Select(Literal).ToArray());

    /// <summary>Path of a folder-relative entry, relative to deploy/.</summary>
    public string Resolve(string entry) =>
        Path.GetRelativePath(RepoFiles.Deploy, RepoFiles.DeployPath($"{Folder}/{entry}")).Replace('\\', '/');

    private static string[] Strings(JsonNode? node) => (node as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToArray();

    private static KeyValuePair<string, string> Literal(string literal)
    {
        var equals = literal.IndexOf('=', StringComparison.Ordinal);
        Assert.True(equals > 0, $"configMapGenerator literal '{literal}' is not KEY=VALUE");
        return KeyValuePair.Create(literal[..equals], literal[(equals + 1)..]);
    }
}
