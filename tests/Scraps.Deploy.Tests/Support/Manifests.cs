using System.Text.Json.Nodes;

namespace Scraps.Deploy.Tests.Support;

/// <summary>The base's and the batch's resources, and the parts of them the tests look at.</summary>
internal static class Manifests
{
    public static JsonObject Deployment => YamlFiles.Resource("base/deployment.yaml", "Deployment");

    public static JsonObject Service => YamlFiles.Resource("base/service.yaml", "Service");

    public static JsonObject DisruptionBudget => YamlFiles.Resource("base/pod-disruption-budget.yaml", "PodDisruptionBudget");

    public static JsonObject Autoscaler => YamlFiles.Resource("base/horizontal-pod-autoscaler.yaml", "HorizontalPodAutoscaler");

    public static JsonObject GpuDeploymentPatch => YamlFiles.Resource("overlays/gpu/deployment-gpu.yaml", "Deployment");

    public static JsonObject Job => YamlFiles.Resource("batch/job.yaml", "Job");

    public static JsonObject JobVolumeClaim => YamlFiles.Resource("batch/persistent-volume-claim.yaml", "PersistentVolumeClaim");

    public static JsonObject ServiceContainer => SingleContainer(Deployment);

    public static JsonObject SingleContainer(JsonObject workload) =>
        Assert.Single(workload["spec"]!["template"]!["spec"]!["containers"]!.AsArray())!.AsObject();

    /// <summary>The container's port named <paramref name="name"/>.</summary>
    public static int ContainerPort(JsonObject container, string name) =>
        int.Parse(
            YamlFiles.Text(
                container["ports"]!.AsArray().SingleOrDefault(p => p!["name"]?.GetValue<string>() == name)?["containerPort"],
                $"container port '{name}'"),
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The container's plain env values (not valueFrom).</summary>
    public static IReadOnlyDictionary<string, string> Env(JsonObject container) =>
        (container["env"] as JsonArray ?? [])
            .Where(e => e!["value"] is not null)
            .ToDictionary(e => e!["name"]!.GetValue<string>(), e => e!["value"]!.GetValue<string>());

    public static IReadOnlyDictionary<string, string> Strings(JsonNode? map) =>
        (map as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());

    /// <summary>A CPU quantity ("2", "500m") in cores.</summary>
    public static double Cores(string quantity) =>
        quantity.EndsWith('m')
            ? double.Parse(quantity[..^1], System.Globalization.CultureInfo.InvariantCulture) / 1000
            : double.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture);
}
