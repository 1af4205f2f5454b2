using System.Globalization;
using System.Text.RegularExpressions;
using Scraps.Deploy.Tests.Support;

namespace Scraps.Deploy.Tests;

/// <summary>
/// docker/Dockerfile and docker/Dockerfile.cuda against the service and the manifests: the port, the
/// HEALTHCHECK route, the options they set (or name in comments), the model path, and a context that keeps what
/// they copy.
/// </summary>
[Collection(ServiceCollectionDefinition.Name)]
public sealed partial class DockerfileTests(ServiceOptionsCatalog service)
{
    private static readonly string[] Names = ["Dockerfile", "Dockerfile.cuda"];

    public static TheoryData<string> Files => new(Names);

    [Theory]
    [MemberData(nameof(Files))]
    public void The_image_listens_exposes_and_health_checks_on_the_deployments_port_and_a_mapped_route(string file)
    {
        var final = Dockerfile.Load(file).Final;
        var port = Manifests.ContainerPort(Manifests.ServiceContainer, "http").ToString(CultureInfo.InvariantCulture);

        Assert.Equal(port, final.Environment["ASPNETCORE_HTTP_PORTS"]);
        Assert.Equal([port], final.Exposed);
        var check = HealthCheckUrl().Match(final.HealthCheck ?? string.Empty);
        Assert.True(check.Success, $"{file}: HEALTHCHECK '{final.HealthCheck}' has no http://localhost:PORT/PATH");
        Assert.Equal(port, check.Groups["port"].Value);
        Assert.Contains(check.Groups["path"].Value, service.Routes());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_scraps_variable_it_sets_or_names_is_an_option_the_service_binds(string file)
    {
        var dockerfile = Dockerfile.Load(file);

        Assert.NotEmpty(dockerfile.ScrapsVariablesMentioned());
        foreach (var variable in dockerfile.ScrapsVariablesMentioned())
        {
            Assert.True(service.Keys.ContainsKey(OptionValues.ConfigurationKey(variable)), $"docker/{file} names {variable}, which no options class of the service has");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task The_options_the_image_sets_bind_and_pass_the_services_validation(string file)
    {
        var environment = Dockerfile.Load(file).Final.Environment
            .Where(e => e.Key.StartsWith("Scraps__", StringComparison.Ordinal))
            .ToDictionary(e => e.Key, e => e.Value);

        await OptionValues.AssertBindAndValidateAsync($"docker/{file}", environment, service);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_model_path_it_sets_is_where_it_copies_the_model_and_what_the_config_map_says(string file)
    {
        var final = Dockerfile.Load(file).Final;
        var copy = final.CopiesFromContext.Single(c => c.Sources.Any(s => s.StartsWith("models/", StringComparison.Ordinal)));

        Assert.Equal(copy.Destination.TrimEnd('/'), final.Environment["Scraps__Model__Path"]);
        Assert.Equal(final.Environment["Scraps__Model__Path"], EffectiveConfig.Of("base")["Scraps__Model__Path"]);
    }

    [Fact]
    public void The_cuda_image_runs_as_the_user_the_pods_run_as()
    {
        var user = Manifests.Deployment["spec"]!["template"]!["spec"]!["securityContext"]!["runAsUser"]!.GetValue<string>();

        Assert.Contains($"--uid {user} ", Dockerfile.Load("Dockerfile.cuda").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dockerignore_keeps_everything_the_dockerfiles_copy()
    {
        var ignored = File.ReadAllLines(Path.Combine(RepoFiles.Docker, ".dockerignore"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.Contains('*', StringComparison.Ordinal))
            .Select(l => l.TrimEnd('/'))
            .ToHashSet(StringComparer.Ordinal);
        var copied = Names.SelectMany(f => Dockerfile.Load(f).Stages)
            .SelectMany(s => s.CopiesFromContext)
            .SelectMany(c => c.Sources)
            .ToArray();

        Assert.NotEmpty(copied);
        foreach (var source in copied)
        {
            var segments = source.TrimEnd('/').Split('/');
            for (var i = 1; i <= segments.Length; i++)
            {
                var prefix = string.Join('/', segments[..i]);
                Assert.False(ignored.Contains(prefix), $".dockerignore drops '{prefix}', which a Dockerfile copies ({source})");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_stage_copies_every_project_and_shared_source_what_it_publishes_references(string file)
    {
        var dockerfile = Dockerfile.Load(file);
        var published = 0;
        foreach (var stage in dockerfile.Stages)
        {
            // A stage built FROM an earlier one has that stage's files too.
            var copied = StageChain(dockerfile, stage).SelectMany(s => s.CopiesFromContext).SelectMany(c => c.Sources).Select(x => x.TrimEnd('/')).ToArray();
            foreach (var project in stage.Instructions.Where(i => i.Instruction == "RUN").SelectMany(i => PublishedProject().Matches(i.Arguments)).Select(m => m.Groups[1].Value))
            {
                published++;
                foreach (var needed in ProjectClosure(project))
                {
                    Assert.True(
                        copied.Any(c => needed == c || needed.StartsWith(c + "/", StringComparison.Ordinal)),
                        $"{file}: stage '{stage.Name ?? stage.BaseImage}' publishes {project}, which needs {needed}, but copies only [{string.Join(", ", copied)}]");
                }
            }
        }

        Assert.True(published > 0, $"{file} publishes nothing");
    }

    private static IEnumerable<DockerStage> StageChain(Dockerfile dockerfile, DockerStage stage)
    {
        for (var current = stage; current is not null; current = dockerfile.Stages.SingleOrDefault(s => s.Name == current.BaseImage))
        {
            yield return current;
        }
    }

    /// <summary>A project's folder and every folder its project references (transitively) and linked sources come from, repository-relative.</summary>
    private static IReadOnlyCollection<string> ProjectClosure(string project)
    {
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            var folder = Path.GetDirectoryName(current)!.Replace('\\', '/');
            if (!needed.Add(folder))
            {
                continue;
            }

            var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, current));
            foreach (Match reference in ProjectReference().Matches(text))
            {
                pending.Push(Normalise(folder, reference.Groups[1].Value));
            }

            foreach (Match linked in LinkedSource().Matches(text))
            {
                needed.Add(Path.GetDirectoryName(Normalise(folder, linked.Groups[1].Value))!.Replace('\\', '/'));
            }
        }

        return needed;
    }

    private static string Normalise(string folder, string relative) =>
        Path.GetRelativePath(AppContext.BaseDirectory, Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, folder, relative))).Replace('\\', '/');

    [GeneratedRegex(@"dotnet publish (\S+\.csproj)")]
    private static partial Regex PublishedProject();

    [GeneratedRegex(@"<ProjectReference Include=""([^""]+)""")]
    private static partial Regex ProjectReference();

    [GeneratedRegex(@"<Compile Include=""(\.\./[^""]+\.cs)""")]
    private static partial Regex LinkedSource();

    /// <summary>
    /// The CUDA major version each Gpu.Linux build links (readelf -d libonnxruntime_providers_cuda.so: libcudart.so.13,
    /// libcublas.so.13, libcublasLt.so.13 in both). A version not listed here has not been looked at: look, then add it.
    /// </summary>
    private static readonly Dictionary<string, int> CudaMajorOfOrtGpu = new(StringComparer.Ordinal) { ["1.30.0"] = 13, ["1.31.0"] = 13 };

    [Fact]
    public void The_cuda_image_has_the_cuda_major_that_the_pinned_gpu_build_of_onnx_runtime_links()
    {
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Directory.Packages.props"));
        string Pinned(string id) => props.Descendants("PackageVersion").Single(e => (string?)e.Attribute("Include") == id).Attribute("Version")!.Value;
        var gpu = Pinned("Microsoft.ML.OnnxRuntime.Gpu.Linux");
        var from = Dockerfile.Load("Dockerfile.cuda").Text.Split('\n').Single(l => l.StartsWith("FROM nvidia/cuda:", StringComparison.Ordinal));
        var image = CudaImage().Match(from);

        Assert.Equal(gpu, Pinned("Microsoft.ML.OnnxRuntime.Managed"));
        Assert.True(CudaMajorOfOrtGpu.TryGetValue(gpu, out var major), $"which CUDA does Gpu.Linux {gpu} link? (readelf -d libonnxruntime_providers_cuda.so)");
        Assert.True(image.Success, $"not a CUDA runtime image with cuDNN: {from}");
        Assert.Equal(major.ToString(CultureInfo.InvariantCulture), image.Groups["major"].Value);
    }

    [GeneratedRegex(@"^FROM nvidia/cuda:(?<major>\d+)\.\d+\.\d+-cudnn-runtime-")]
    private static partial Regex CudaImage();

    [GeneratedRegex(@"http://localhost:(?<port>\d+)(?<path>/[^\s|;]*)")]
    private static partial Regex HealthCheckUrl();
}
