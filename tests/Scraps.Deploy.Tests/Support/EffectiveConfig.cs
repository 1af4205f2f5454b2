namespace Scraps.Deploy.Tests.Support;

/// <summary>What kustomize puts into a generated ConfigMap: the literals of the bases first, each overlay's on top (behavior: merge).</summary>
internal static class EffectiveConfig
{
    public const string ServiceConfigMap = "scraps-service-config";

    public static IReadOnlyDictionary<string, string> Of(string folder, string configMap = ServiceConfigMap)
    {
        var kustomization = Kustomization.Load(folder);
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in kustomization.Resources)
        {
            var path = kustomization.Resolve(resource);
            if (File.Exists(RepoFiles.DeployPath($"{path}/kustomization.yaml")))
            {
                foreach (var (key, value) in Of(path, configMap))
                {
                    merged[key] = value;
                }
            }
        }

        if (kustomization.ConfigMapLiterals.TryGetValue(configMap, out var literals))
        {
            foreach (var (key, value) in literals)
            {
                merged[key] = value;
            }
        }

        return merged;
    }
}
