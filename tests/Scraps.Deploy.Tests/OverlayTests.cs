using Scraps.Deploy.Tests.Support;
using Scraps.Inference.Batching;
using Scraps.Inference.Runtime;

namespace Scraps.Deploy.Tests;

/// <summary>What makes the overlays CPU or GPU deployments, and that each one's batching fits its graph runs and cores.</summary>
public sealed class OverlayTests
{
    [Fact]
    public void The_gpu_pod_asks_for_one_gpu_on_gpu_nodes_and_tolerates_their_taint()
    {
        var spec = Manifests.GpuDeploymentPatch["spec"]!["template"]!["spec"]!;
        var container = Manifests.SingleContainer(Manifests.GpuDeploymentPatch);

        Assert.Equal("1", container["resources"]!["limits"]!["nvidia.com/gpu"]!.GetValue<string>());
        Assert.NotEmpty(Manifests.Strings(spec["nodeSelector"]));
        Assert.Contains(spec["tolerations"]!.AsArray(), t => t!["key"]!.GetValue<string>() == "nvidia.com/gpu" && t["effect"]!.GetValue<string>() == "NoSchedule");
        Assert.Equal(Manifests.ServiceContainer["name"]!.GetValue<string>(), container["name"]!.GetValue<string>());
    }

    [Fact]
    public void The_gpu_overlay_runs_the_cuda_image_with_the_cuda_provider_and_the_cpu_overlay_does_not()
    {
        var gpuImage = Assert.Single(Kustomization.Load("overlays/gpu").Images);
        var cpuImage = Assert.Single(Kustomization.Load("overlays/cpu").Images);

        Assert.EndsWith("-cuda", gpuImage.NewTag, StringComparison.Ordinal);
        Assert.DoesNotContain("cuda", cpuImage.NewTag, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(cpuImage.NewName, gpuImage.NewName);
        Assert.Equal(ExecutionProviderKind.Cuda, Enum.Parse<ExecutionProviderKind>(EffectiveConfig.Of("overlays/gpu")["Scraps__Inference__ExecutionProvider"], ignoreCase: true));
        Assert.Equal(ExecutionProviderKind.Cpu, Enum.Parse<ExecutionProviderKind>(EffectiveConfig.Of("overlays/cpu")["Scraps__Inference__ExecutionProvider"], ignoreCase: true));
    }

    [Fact]
    public async Task The_gpu_overlay_batches_more_than_the_cpu_one()
    {
        var (cpu, _) = await BoundAsync("overlays/cpu");
        var (gpu, _) = await BoundAsync("overlays/gpu");

        Assert.True(gpu.MaxBatchSize > cpu.MaxBatchSize);
        Assert.True(gpu.MaxPaddedFrames > cpu.MaxPaddedFrames);
        Assert.True(gpu.QueueCapacity >= cpu.QueueCapacity);
    }

    [Theory]
    [InlineData("overlays/cpu", "base/deployment.yaml")]
    [InlineData("overlays/gpu", "overlays/gpu/deployment-gpu.yaml")]
    public async Task The_batch_budget_is_set_once_and_the_workers_threads_fit_the_requested_cores(string overlay, string resources)
    {
        var (options, inference) = await BoundAsync(overlay);
        var cores = Manifests.Cores(Manifests.SingleContainer(YamlFiles.Resource(resources, "Deployment"))["resources"]!["requests"]!["cpu"]!.GetValue<string>());
        var running = inference.ExecutionProvider == ExecutionProviderKind.Cuda ? ExecutionProviderKind.Cuda : ExecutionProviderKind.Cpu;
        var batching = options.Resolve(new ExecutionProviderStatus(inference.ExecutionProvider, running, running == ExecutionProviderKind.Cuda ? [0] : [], "overlay"));

        // One budget (Scraps:Batching); the graph-run budget of direct use would be refused at start.
        Assert.Null(inference.MaxBatchSize);
        Assert.Null(inference.MaxBatchSteps);
        Assert.True(batching.MaxBatchSize >= 1 && batching.MaxPaddedFrames >= 1 && batching.MaxPaddedPhonemes >= 1);
        Assert.True(inference.IntraOpThreads >= 1, $"{overlay}: set IntraOpThreads (0 sizes it from the node's cores, not the pod's)");
        Assert.True(batching.Workers * inference.IntraOpThreads <= cores, $"{overlay}: {batching.Workers} workers x {inference.IntraOpThreads} threads on {cores} requested cores");
    }

    private static async Task<(BatchingOptions Batching, ScrapsModelOptions Inference)> BoundAsync(string overlay)
    {
        await using var service = new ServiceOptionsCatalog(OptionValues.AsSettings(EffectiveConfig.Of(overlay)));
        return ((BatchingOptions)service.Create(typeof(BatchingOptions)), (ScrapsModelOptions)service.Create(typeof(ScrapsModelOptions)));
    }
}
