using System.Text.Json.Nodes;
using Scraps.Deploy.Tests.Support;

namespace Scraps.Deploy.Tests;

/// <summary>
/// deploy/components: each file a component points the service at lies on a volume the same patch mounts from the
/// Secret its comments tell the user to create, and the ports and backends it names exist.
/// </summary>
public sealed class ComponentTests
{
    [Fact]
    public void The_api_keys_file_is_on_the_read_only_mount_of_the_scraps_api_keys_secret()
    {
        var pod = YamlFiles.Resource("components/api-keys/deployment-api-keys.yaml", "Deployment");
        var container = Manifests.SingleContainer(pod);

        var file = Manifests.Env(container)["Scraps__ApiKeys__KeysFile"];

        AssertOnSecretMount(pod, container, file, "scraps-api-keys");
        Assert.Contains("--from-file=keys=", File.ReadAllText(RepoFiles.DeployPath("components/api-keys/kustomization.yaml")), StringComparison.Ordinal);
        Assert.Equal("keys", Path.GetFileName(file));
    }

    [Fact]
    public void Kestrels_certificate_and_key_are_on_the_mount_of_the_tls_secret_and_the_https_port_is_served()
    {
        var pod = YamlFiles.Resource("components/tls/deployment-tls.yaml", "Deployment");
        var container = Manifests.SingleContainer(pod);
        var env = Manifests.Env(container);

        AssertOnSecretMount(pod, container, env["Kestrel__Certificates__Default__Path"], "scraps-tls");
        AssertOnSecretMount(pod, container, env["Kestrel__Certificates__Default__KeyPath"], "scraps-tls");
        // kubernetes.io/tls Secrets hold tls.crt and tls.key.
        Assert.Equal("tls.crt", Path.GetFileName(env["Kestrel__Certificates__Default__Path"]));
        Assert.Equal("tls.key", Path.GetFileName(env["Kestrel__Certificates__Default__KeyPath"]));
        var port = Manifests.ContainerPort(container, "https");
        Assert.Equal($"{port}", env["ASPNETCORE_HTTPS_PORTS"]);
        var service = YamlFiles.Resource("components/tls/service-tls.yaml", "Service");
        Assert.Contains(service["spec"]!["ports"]!.AsArray(), p => p!["targetPort"]!.GetValue<string>() == "https");
    }

    [Fact]
    public void The_ingress_routes_to_the_base_services_http_port_and_the_pods_read_the_forwarded_client_address()
    {
        var ingress = YamlFiles.Resource("components/ingress/ingress.yaml", "Ingress");
        var backend = ingress["spec"]!["rules"]![0]!["http"]!["paths"]![0]!["backend"]!["service"]!;
        var pod = YamlFiles.Resource("components/ingress/deployment-forwarded-headers.yaml", "Deployment");

        Assert.Equal(Manifests.Service["metadata"]!["name"]!.GetValue<string>(), backend["name"]!.GetValue<string>());
        Assert.Contains(Manifests.Service["spec"]!["ports"]!.AsArray(), p => p!["name"]!.GetValue<string>() == backend["port"]!["name"]!.GetValue<string>());
        Assert.Equal("true", Manifests.Env(Manifests.SingleContainer(pod))["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]);
        // The proxy must not cut bodies below the service's own request limit (32 MiB in the base).
        Assert.Equal("32m", ingress["metadata"]!["annotations"]!["nginx.ingress.kubernetes.io/proxy-body-size"]!.GetValue<string>());
        Assert.Equal("33554432", EffectiveConfig.Of("base")["Scraps__Limits__MaxRequestBytes"]);
    }

    private static void AssertOnSecretMount(JsonObject pod, JsonObject container, string file, string secret)
    {
        var mounts = (container["volumeMounts"] as JsonArray ?? []).Select(m => m!.AsObject());
        var mount = mounts.SingleOrDefault(m => file.StartsWith(m["mountPath"]!.GetValue<string>() + "/", StringComparison.Ordinal));
        Assert.True(mount is not null, $"{file} is on no volume the patch mounts");
        Assert.True(mount!["readOnly"]?.ToString() == "true", $"{file}'s volume is not mounted read-only");
        var volume = (pod["spec"]!["template"]!["spec"]!["volumes"] as JsonArray ?? [])
            .Single(v => v!["name"]!.GetValue<string>() == mount["name"]!.GetValue<string>())!;
        Assert.Equal(secret, volume["secret"]?["secretName"]?.GetValue<string>());
    }
}
