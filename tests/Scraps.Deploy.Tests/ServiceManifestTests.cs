using System.Net;
using Scraps.Deploy.Tests.Support;

namespace Scraps.Deploy.Tests;

/// <summary>The base's Deployment, Service, PodDisruptionBudget and HorizontalPodAutoscaler against the real service.</summary>
[Collection(ServiceCollectionDefinition.Name)]
public sealed class ServiceManifestTests(ServiceOptionsCatalog service)
{
    [Fact]
    public void The_container_port_is_the_one_the_service_listens_on_and_the_service_routes_to_it()
    {
        var container = Manifests.ServiceContainer;
        var port = Manifests.ContainerPort(container, "http");

        Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), Manifests.Env(container)["ASPNETCORE_HTTP_PORTS"]);
        var servicePort = Assert.Single(Manifests.Service["spec"]!["ports"]!.AsArray())!;
        Assert.Equal("http", servicePort["targetPort"]!.GetValue<string>());
        var annotations = Manifests.Strings(Manifests.Deployment["spec"]!["template"]!["metadata"]!["annotations"]);
        Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), annotations["prometheus.io/port"]);
    }

    [Fact]
    public void The_probes_and_the_scrape_path_are_routes_the_service_maps()
    {
        var container = Manifests.ServiceContainer;
        var routes = service.Routes();

        Assert.Equal("/health/live", container["livenessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.Equal("/health/ready", container["readinessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
        {
            if (container[probe] is { } defined)
            {
                Assert.Contains(defined["httpGet"]!["path"]!.GetValue<string>(), routes);
                Assert.Equal("http", defined["httpGet"]!["port"]!.GetValue<string>());
            }
        }

        var annotations = Manifests.Strings(Manifests.Deployment["spec"]!["template"]!["metadata"]!["annotations"]);
        Assert.Contains(annotations["prometheus.io/path"], routes);
    }

    [Fact]
    public async Task Liveness_holds_while_the_model_is_missing_and_readiness_does_not()
    {
        // What the probe comments rely on: a pod whose model failed to load is taken out of the Service, not restarted in a loop.
        var http = service.CreateClient();

        using var live = await http.GetAsync(Manifests.ServiceContainer["livenessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        using var ready = await http.GetAsync(Manifests.ServiceContainer["readinessProbe"]!["httpGet"]!["path"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public void Selectors_of_the_deployment_service_and_budget_match_the_pod_labels_and_the_autoscaler_targets_the_deployment()
    {
        var deployment = Manifests.Deployment;
        var podLabels = Manifests.Strings(deployment["spec"]!["template"]!["metadata"]!["labels"]);
        var selectors = new[]
        {
            Manifests.Strings(deployment["spec"]!["selector"]!["matchLabels"]),
            Manifests.Strings(Manifests.Service["spec"]!["selector"]),
            Manifests.Strings(Manifests.DisruptionBudget["spec"]!["selector"]!["matchLabels"]),
        };

        foreach (var selector in selectors)
        {
            Assert.NotEmpty(selector);
            Assert.All(selector, label => Assert.Equal(label.Value, podLabels.GetValueOrDefault(label.Key)));
        }

        var target = Manifests.Autoscaler["spec"]!["scaleTargetRef"]!;
        Assert.Equal("Deployment", target["kind"]!.GetValue<string>());
        Assert.Equal(deployment["metadata"]!["name"]!.GetValue<string>(), target["name"]!.GetValue<string>());
    }

    [Fact]
    public void The_pod_requests_the_cpu_the_autoscaler_measures_against_and_reads_its_options_from_the_generated_config_map()
    {
        var container = Manifests.ServiceContainer;

        Assert.True(Manifests.Cores(container["resources"]!["requests"]!["cpu"]!.GetValue<string>()) > 0);
        Assert.NotNull(container["resources"]!["limits"]!["memory"]);
        Assert.Contains(Manifests.Autoscaler["spec"]!["metrics"]!.AsArray(), m => m!["resource"]?["name"]?.GetValue<string>() == "cpu");
        var configMap = Assert.Single(container["envFrom"]!.AsArray())!["configMapRef"]!["name"]!.GetValue<string>();
        Assert.Equal(EffectiveConfig.ServiceConfigMap, configMap);
        Assert.Contains(configMap, Kustomization.Load("base").ConfigMapLiterals.Keys);
    }
}
