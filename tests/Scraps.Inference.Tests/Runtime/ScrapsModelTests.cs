using Microsoft.Extensions.Logging;
using Scraps.Inference.Package;
using Scraps.Inference.Runtime;
using Scraps.Inference.Tests.Fixtures;
using Scraps.Onnx;

namespace Scraps.Inference.Tests.Runtime;

public sealed class ScrapsModelTests(TestPackageFixture package) : IClassFixture<TestPackageFixture>
{
    [Fact]
    public void Load_opens_both_graphs_on_cpu()
    {
        using var model = ScrapsModel.Load(package.Folder, new ScrapsModelOptions { ExecutionProvider = ExecutionProviderKind.Cpu });

        Assert.Equal(ExecutionProviderKind.Cpu, model.ExecutionProvider);
        Assert.Equal(12, model.Acoustic.EmbeddingDim);
        Assert.Equal(12, model.Phonetic.EmbeddingDim);
        Assert.Equal(512, model.Phonetic.MaxLength);
        Assert.Equal(1024, model.Acoustic.MaxFrames);
        Assert.Equal(0.5, model.Calibration.Threshold);
        Assert.Equal(Path.GetFullPath(package.Folder), model.Folder);
    }

    // The test machines have no GPU: the CPU build of ONNX Runtime has no CUDA provider, and the GPU build (CI builds it
    // too, -p:OrtGpu=true) cannot load CUDA. Either way these hold.
    [Fact]
    public void Auto_runs_on_cpu_where_cuda_cannot_run_and_says_why()
    {
        using var logger = new RecordingLoggerFactory();

        using var model = ScrapsModel.Load(package.Folder, new ScrapsModelOptions { ExecutionProvider = ExecutionProviderKind.Auto }, logger);

        Assert.Equal(ExecutionProviderKind.Cpu, model.ExecutionProvider);
        Assert.Equal(ExecutionProviderKind.Auto, model.Provider.Requested);
        Assert.Empty(model.Provider.Devices);
        Assert.StartsWith("auto: ", model.Provider.Reason, StringComparison.Ordinal);
        Assert.Contains("CUDA", model.Provider.Reason, StringComparison.Ordinal);
        // A warning where the GPU build cannot use CUDA; information in the CPU build, where CPU is what Auto means.
        Assert.Contains(logger.Messages, m => m.Level >= LogLevel.Information && m.Text.Contains(model.Provider.Reason[6..], StringComparison.Ordinal));
    }

    [Fact]
    public void Cuda_fails_fast_with_the_cause_where_cuda_cannot_run()
    {
        var e = Assert.Throws<ExecutionProviderException>(
            () => ScrapsModel.Load(package.Folder, new ScrapsModelOptions { ExecutionProvider = ExecutionProviderKind.Cuda }));

        Assert.StartsWith("ExecutionProvider is Cuda, but ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Cpu_runs_on_cpu_because_it_was_asked_for()
    {
        using var model = ScrapsModel.Load(package.Folder, new ScrapsModelOptions { ExecutionProvider = ExecutionProviderKind.Cpu });

        Assert.Equal(new ExecutionProviderStatus(ExecutionProviderKind.Cpu, ExecutionProviderKind.Cpu, [], "requested").ToString(), model.Provider.ToString());
        Assert.Equal(new GraphRunLimits(32, 64_000), model.RunLimits);
    }

    [Fact]
    public void Load_rejects_a_graph_with_the_wrong_inputs()
    {
        var copy = TestPackages.Copy(package.Folder);
        var builder = new OnnxGraphBuilder("wrong");
        var input = builder.Input("audio", OnnxElementType.Float, OnnxDim.Dynamic("batch"), OnnxDim.Dynamic("frames"), OnnxDim.Fixed(80));
        builder.Output("embeddings", input, OnnxElementType.Float, OnnxDim.Dynamic("batch"), OnnxDim.Dynamic("frames"), OnnxDim.Fixed(80));
        builder.Save(Path.Combine(copy, "acoustic.onnx"));
        ModelPackageWriter.Write(copy, ModelPackageReader.Read(copy, verifyHashes: false));

        var e = Assert.Throws<ModelPackageException>(() => ScrapsModel.Load(copy));

        Assert.EndsWith("acoustic.onnx", e.FilePath);
        Assert.Contains("no input 'features'", e.Problem);
    }

    [Fact]
    public void Load_rejects_graphs_of_another_size_than_the_manifest_says()
    {
        var copy = TestPackages.Copy(package.Folder);
        var manifest = ModelPackageReader.Read(copy);
        ModelPackageWriter.Write(copy, manifest with { Architecture = manifest.Architecture with { LstmHidden = 24 } });

        var e = Assert.Throws<ModelPackageException>(() => ScrapsModel.Load(copy));

        Assert.Contains("'embeddings' dimension 1 is 12, expected 24", e.Problem);
    }

    [Fact]
    public void Load_reports_a_graph_Onnx_runtime_cannot_read()
    {
        var copy = TestPackages.Copy(package.Folder);
        File.WriteAllText(Path.Combine(copy, "phonetic.onnx"), "not a protobuf");
        ModelPackageWriter.Write(copy, ModelPackageReader.Read(copy, verifyHashes: false));

        var e = Assert.Throws<ModelPackageException>(() => ScrapsModel.Load(copy));

        Assert.EndsWith("phonetic.onnx", e.FilePath);
        Assert.Contains("cannot load", e.Problem);
    }

    [Fact]
    public void Load_checks_hashes_before_opening_graphs()
    {
        var copy = TestPackages.Copy(package.Folder);
        File.AppendAllText(Path.Combine(copy, "phonetic.onnx"), "x");

        var e = Assert.Throws<ModelPackageException>(() => ScrapsModel.Load(copy));

        Assert.Contains("SHA-256 mismatch", e.Problem);
    }

    [Fact]
    public void Load_validates_options()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ScrapsModel.Load(package.Folder, new ScrapsModelOptions { MaxBatchSize = 0 }));

        Assert.Equal("MaxBatchSize", e.ParamName);
    }
}
