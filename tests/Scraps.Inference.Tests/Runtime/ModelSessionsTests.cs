using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using Scraps.Inference.Runtime;
using Scraps.Inference.Tests.Fixtures;

namespace Scraps.Inference.Tests.Runtime;

/// <summary>
/// Provider choice on a machine that pretends to have GPUs: "CUDA" sessions are CPU sessions, and a listed device can be
/// made to fail inside session creation with a real ONNX Runtime error.
/// </summary>
public sealed class ModelSessionsTests(TestPackageFixture package) : IClassFixture<TestPackageFixture>
{
    [Fact]
    public void Every_listed_gpu_gets_its_own_session_for_each_graph()
    {
        var source = new PretendGpus();

        using var model = ScrapsModel.Load(package.Folder, new ScrapsModelOptions { ExecutionProvider = ExecutionProviderKind.Cuda, CudaDeviceIds = [0, 1] }, source, null);

        Assert.Equal(ExecutionProviderKind.Cuda, model.ExecutionProvider);
        Assert.Equal([0, 1], model.Provider.Devices);
        Assert.Equal("requested", model.Provider.Reason);
        Assert.Equal(["acoustic.onnx@cuda:0", "phonetic.onnx@cuda:0", "acoustic.onnx@cuda:1", "phonetic.onnx@cuda:1"], source.Created);
        Assert.Equal(12, model.Acoustic.Encode([TestPackages.RandomFeatures(40, 1)])[0].Embedding.Length);
    }

    [Fact]
    public void A_gpu_defaults_to_larger_graph_runs()
    {
        using var model = ScrapsModel.Load(package.Folder, new ScrapsModelOptions { ExecutionProvider = ExecutionProviderKind.Auto }, new PretendGpus(), null);

        Assert.Equal(new GraphRunLimits(64, 160_000), model.RunLimits);
        Assert.Equal("auto: CUDA available", model.Provider.Reason);
    }

    [Fact]
    public void Under_auto_a_failure_inside_session_creation_on_any_gpu_falls_back_to_cpu_with_the_cause()
    {
        using var logger = new RecordingLoggerFactory();
        var source = new PretendGpus(failingDevice: 1);

        using var model = ScrapsModel.Load(package.Folder, new ScrapsModelOptions { CudaDeviceIds = [0, 1] }, source, logger);

        Assert.Equal(ExecutionProviderKind.Cpu, model.ExecutionProvider);
        Assert.StartsWith("auto: CUDA cannot run on device 1: ", model.Provider.Reason, StringComparison.Ordinal);
        Assert.Contains(logger.Messages, m => m.Level == LogLevel.Warning && m.Text.Contains("device 1", StringComparison.Ordinal));
        Assert.Equal(["acoustic.onnx@cpu", "phonetic.onnx@cpu"], source.Created.TakeLast(2));
        Assert.Equal(new GraphRunLimits(32, 64_000), model.RunLimits);
    }

    [Fact]
    public void Under_cuda_the_same_failure_stops_the_load_and_names_the_device_and_cause()
    {
        var source = new PretendGpus(failingDevice: 0);

        var e = Assert.Throws<ExecutionProviderException>(
            () => ScrapsModel.Load(package.Folder, new ScrapsModelOptions { ExecutionProvider = ExecutionProviderKind.Cuda }, source, null));

        Assert.StartsWith("ExecutionProvider is Cuda, but CUDA cannot run on device 0: ", e.Message, StringComparison.Ordinal);
        Assert.IsType<OnnxRuntimeException>(e.InnerException);
        Assert.DoesNotContain(source.Created, c => c.EndsWith("@cpu", StringComparison.Ordinal));
    }

    [Fact]
    public void Under_cuda_a_build_without_the_cuda_provider_says_so()
    {
        var source = new PretendGpus(providers: ["CPUExecutionProvider"]);

        var e = Assert.Throws<ExecutionProviderException>(
            () => ScrapsModel.Load(package.Folder, new ScrapsModelOptions { ExecutionProvider = ExecutionProviderKind.Cuda }, source, null));

        Assert.Contains("this ONNX Runtime build has no CUDA provider (only CPUExecutionProvider)", e.Message, StringComparison.Ordinal);
        Assert.Empty(source.Created);
    }

    [Fact]
    public void Under_auto_the_cpu_build_runs_on_cpu_without_a_warning()
    {
        using var logger = new RecordingLoggerFactory();

        using var model = ScrapsModel.Load(package.Folder, new ScrapsModelOptions(), new PretendGpus(providers: ["CPUExecutionProvider"]), logger);

        Assert.Equal(ExecutionProviderKind.Cpu, model.ExecutionProvider);
        Assert.StartsWith("auto: this ONNX Runtime build has no CUDA provider", model.Provider.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(logger.Messages, m => m.Level >= LogLevel.Warning);
        Assert.Contains(logger.Messages, m => m.Level == LogLevel.Information && m.Text.StartsWith("Running on CPU: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Cpu_never_tries_cuda()
    {
        var source = new PretendGpus(failingDevice: 0);

        using var model = ScrapsModel.Load(package.Folder, new ScrapsModelOptions { ExecutionProvider = ExecutionProviderKind.Cpu }, source, null);

        Assert.Equal(["acoustic.onnx@cpu", "phonetic.onnx@cpu"], source.Created);
        Assert.Equal("requested", model.Provider.Reason);
    }

    /// <summary>Reports the CUDA provider and opens CPU sessions for CUDA targets, except on the failing device.</summary>
    private sealed class PretendGpus(int? failingDevice = null, string[]? providers = null) : IOrtSessionSource
    {
        private readonly OrtSessionFactory _cpu = new(new ScrapsModelOptions { IntraOpThreads = 1 });

        public List<string> Created { get; } = [];

        public IReadOnlyList<string> AvailableProviders() => providers ?? [OrtSessionFactory.CudaProvider, "CPUExecutionProvider"];

        public InferenceSession Create(string graphPath, ExecutionTarget target)
        {
            if (target.Provider == ExecutionProviderKind.Cuda && target.DeviceId == failingDevice)
            {
                // A real error raised inside InferenceSession's constructor, as a driver or device failure would be.
                using var broken = new InferenceSession(new byte[] { 0x08, 0xff });
            }

            Created.Add($"{Path.GetFileName(graphPath)}@{target}");
            return _cpu.Create(graphPath, ExecutionTarget.Cpu);
        }
    }
}
