using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Scraps.Shared;

namespace Scraps.Service.Tests.Process;

/// <summary>
/// deploy/components/tls as a pod runs it: the service started with exactly the environment variables that component
/// sets (ports and mount paths swapped for the test's) answers HTTPS with the mounted PEM certificate, beside plain
/// HTTP for the probes, and API keys hold on both.
/// </summary>
[Collection(ChildService.Sequential.Name)]
public sealed partial class TlsDeploymentTests : IDisposable
{
    private const string Key = "tls-test-key-0123456789abcdef";
    private readonly string _folder = Directory.CreateTempSubdirectory("scraps-tls-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_tls_components_variables_serve_https_with_the_mounted_pem_certificate()
    {
        using var certificate = SelfSigned();
        await File.WriteAllTextAsync(Path.Combine(_folder, "tls.crt"), certificate.ExportCertificatePem());
        using (var rsa = certificate.GetRSAPrivateKey()!)
        {
            await File.WriteAllTextAsync(Path.Combine(_folder, "tls.key"), rsa.ExportPkcs8PrivateKeyPem());
        }

        var (httpPort, httpsPort) = (ServiceProcess.FreeLoopbackPort(), ServiceProcess.FreeLoopbackPort());
        var settings = ComponentEnvironment()
            .Select(e => (e.Name, Value: e.Value.Replace("/etc/scraps/tls", _folder, StringComparison.Ordinal).Replace("8443", $"{httpsPort}", StringComparison.Ordinal)))
            .Append(("ASPNETCORE_HTTP_PORTS", $"{httpPort}"))
            .Append(("Scraps__ApiKeys__Keys__0", Key))
            .ToArray();
        await using var service = await ChildService.StartAsync(settings);

        X509Certificate2? served = null;
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) =>
        {
            served = cert is null ? null : X509CertificateLoader.LoadCertificate(cert.GetRawCertData());
            return served?.Thumbprint == certificate.Thumbprint;
        };
        using var https = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{httpsPort}") };
        using var withoutKey = await https.GetAsync(new Uri("/v1/model", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/model");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        using var withKey = await https.SendAsync(request);
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        using var probe = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(certificate.Thumbprint, served?.Thumbprint);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        Assert.Contains("service-test", await withKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }

    /// <summary>The env entries of deploy/components/tls/deployment-tls.yaml (name, value).</summary>
    private static IReadOnlyList<(string Name, string Value)> ComponentEnvironment()
    {
        var root = typeof(TlsDeploymentTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        var yaml = File.ReadAllText(Path.Combine(root, "deploy", "components", "tls", "deployment-tls.yaml"));
        var entries = EnvEntry().Matches(yaml).Select(m => (m.Groups[1].Value, m.Groups[2].Value.Trim('"'))).ToArray();
        Assert.Contains(entries, e => e.Item1 == "ASPNETCORE_HTTPS_PORTS");
        Assert.Contains(entries, e => e.Item1.StartsWith("Kestrel__Certificates__Default__", StringComparison.Ordinal));
        return entries;
    }

    private static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=scraps-service", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    [GeneratedRegex(@"- name: (\S+)\s*\n\s*value: (.+)")]
    private static partial Regex EnvEntry();
}
