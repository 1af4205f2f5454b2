using System.Text.Json.Nodes;
using Scraps.Deploy.Tests.Support;

namespace Scraps.Deploy.Tests;

/// <summary>The kustomize tree itself: nothing dangling, nothing unused, patches that hit something, images that are set.</summary>
public sealed class KustomizationTests
{
    private static readonly string[] Expected = ["base", "batch", "components/api-keys", "components/ingress", "components/tls", "overlays/cpu", "overlays/gpu"];

    [Fact]
    public void The_tree_has_the_base_both_overlays_the_components_and_the_batch_job()
    {
        Assert.Equal(Expected, Kustomization.All().Select(k => k.Folder).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_resource_and_patch_a_kustomization_names_exists()
    {
        foreach (var kustomization in Kustomization.All())
        {
            foreach (var entry in kustomization.Resources.Concat(kustomization.Patches))
            {
                var path = kustomization.Resolve(entry);
                Assert.True(
                    File.Exists(RepoFiles.DeployPath(path)) || File.Exists(RepoFiles.DeployPath($"{path}/kustomization.yaml")),
                    $"{kustomization.Folder}/kustomization.yaml names '{entry}', which is neither a file nor a kustomization");
            }
        }
    }

    [Fact]
    public void Every_manifest_file_is_a_resource_or_a_patch_of_some_kustomization()
    {
        var used = Kustomization.All()
            .SelectMany(k => k.Resources.Concat(k.Patches).Select(k.Resolve))
            .ToHashSet(StringComparer.Ordinal);

        var unused = RepoFiles.DeployYamlFiles().Where(f => Path.GetFileName(f) != "kustomization.yaml" && !used.Contains(f));

        Assert.Empty(unused);
    }

    [Fact]
    public void Every_document_is_a_named_kubernetes_object()
    {
        foreach (var file in RepoFiles.DeployYamlFiles().Where(f => Path.GetFileName(f) != "kustomization.yaml"))
        {
            foreach (var document in YamlFiles.Documents(file))
            {
                Assert.False(string.IsNullOrEmpty(document["apiVersion"]?.GetValue<string>()), $"{file}: apiVersion missing");
                Assert.False(string.IsNullOrEmpty(document["kind"]?.GetValue<string>()), $"{file}: kind missing");
                Assert.False(string.IsNullOrEmpty(document["metadata"]?["name"]?.GetValue<string>()), $"{file}: metadata.name missing");
            }
        }
    }

    [Fact]
    public void Every_overlay_patch_targets_a_resource_of_its_base()
    {
        foreach (var overlay in Kustomization.All().Where(k => k.Patches.Count > 0))
        {
            // A component is added to an overlay of the base: its patches target the base's resources and its own.
            var bases = overlay.IsComponent ? BaseResources(Kustomization.Load("base")).Concat(BaseResources(overlay)) : BaseResources(overlay);
            var targets = bases.Select(Identity).ToHashSet();
            foreach (var patch in overlay.Patches)
            {
                foreach (var document in YamlFiles.Documents(overlay.Resolve(patch)))
                {
                    Assert.True(targets.Contains(Identity(document)), $"{overlay.Folder}/{patch} patches {Identity(document)}, which its bases do not define");
                }
            }
        }
    }

    [Fact]
    public void Every_container_image_is_set_by_the_images_of_each_kustomization_that_deploys_it()
    {
        foreach (var kustomization in Kustomization.All().Where(k => k.Folder != "base"))
        {
            var images = kustomization.Images.ToDictionary(i => i.Name, StringComparer.Ordinal);
            foreach (var image in BaseResources(kustomization).SelectMany(ContainerImages))
            {
                Assert.True(images.TryGetValue(image, out var set), $"{kustomization.Folder} does not set image '{image}'");
                Assert.False(string.IsNullOrEmpty(set.NewName), $"{kustomization.Folder}: image '{image}' has no newName");
                Assert.False(string.IsNullOrEmpty(set.NewTag), $"{kustomization.Folder}: image '{image}' has no newTag");
            }
        }
    }

    internal static IEnumerable<JsonObject> BaseResources(Kustomization kustomization)
    {
        foreach (var resource in kustomization.Resources)
        {
            var path = kustomization.Resolve(resource);
            if (File.Exists(RepoFiles.DeployPath($"{path}/kustomization.yaml")))
            {
                foreach (var document in BaseResources(Kustomization.Load(path)))
                {
                    yield return document;
                }
            }
            else
            {
                foreach (var document in YamlFiles.Documents(path))
                {
                    yield return document;
                }
            }
        }
    }

    private static string Identity(JsonObject document) => $"{document["kind"]}/{document["metadata"]?["name"]}";

    private static IEnumerable<string> ContainerImages(JsonObject document) =>
        (document["spec"]?["template"]?["spec"]?["containers"] as JsonArray ?? [])
            .Select(c => YamlFiles.Text(c!["image"], $"{Identity(document)}: a container's image"));
}
