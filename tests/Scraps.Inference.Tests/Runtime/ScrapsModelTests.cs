using Microsoft.Extensions.Logging;
using Scraps.Inference.Package;
using Scraps.Inference.Runtime;
using Scraps.Inference.Tests.Fixtures;
using Scraps.Onnx;

namespace Scraps.Inference.Tests.Runtime;

public sealed class ScrapsModelTests(TestPackageFixture package) : IClassFixture<TestPackageFixture>
{
    [Fact]
    public void Load_OpensBothGraphsOnCpu()
    {
        using var model = ScrapsModel.Load(package.Folder);

        Assert.Equal(ExecutionProviderKind.Cpu, model.ExecutionProvider);
        Assert.Equal(12, model.Acoustic.EmbeddingDim);
        Assert.Equal(12, model.Phonetic.EmbeddingDim);
        Assert.Equal(512, model.Phonetic.MaxLength);
        Assert.Equal(1024, model.Acoustic.MaxFrames);
        Assert.Equal(0.5, model.Calibration.Threshold);
        Assert.Equal(Path.GetFullPath(package.Folder), model.Folder);
    }

    [Fact]
    public void Load_FallsBackToCpuWithAWarningWhenCudaIsMissing()
    {
        using var logger = new RecordingLoggerFactory();

        using var model = ScrapsModel.Load(package.Folder, new ScrapsModelOptions { ExecutionProvider = ExecutionProviderKind.Cuda }, logger);

        // The test machines have the CPU build of ONNX Runtime (no CUDA provider).
        Assert.Equal(ExecutionProviderKind.Cpu, model.ExecutionProvider);
        Assert.Contains(logger.Messages, m => m.Level == LogLevel.Warning && m.Text.Contains("CUDA", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_RejectsAGraphWithTheWrongInputs()
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
    public void Load_RejectsGraphsOfAnotherSizeThanTheManifestSays()
    {
        var copy = TestPackages.Copy(package.Folder);
        var manifest = ModelPackageReader.Read(copy);
        ModelPackageWriter.Write(copy, manifest with { Architecture = manifest.Architecture with { LstmHidden = 24 } });

        var e = Assert.Throws<ModelPackageException>(() => ScrapsModel.Load(copy));

        Assert.Contains("'embeddings' dimension 1 is 12, expected 24", e.Problem);
    }

    [Fact]
    public void Load_ReportsAGraphOnnxRuntimeCannotRead()
    {
        var copy = TestPackages.Copy(package.Folder);
        File.WriteAllText(Path.Combine(copy, "phonetic.onnx"), "not a protobuf");
        ModelPackageWriter.Write(copy, ModelPackageReader.Read(copy, verifyHashes: false));

        var e = Assert.Throws<ModelPackageException>(() => ScrapsModel.Load(copy));

        Assert.EndsWith("phonetic.onnx", e.FilePath);
        Assert.Contains("cannot load", e.Problem);
    }

    [Fact]
    public void Load_ChecksHashesBeforeOpeningGraphs()
    {
        var copy = TestPackages.Copy(package.Folder);
        File.AppendAllText(Path.Combine(copy, "phonetic.onnx"), "x");

        var e = Assert.Throws<ModelPackageException>(() => ScrapsModel.Load(copy));

        Assert.Contains("SHA-256 mismatch", e.Problem);
    }

    [Fact]
    public void Load_ValidatesOptions()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ScrapsModel.Load(package.Folder, new ScrapsModelOptions { MaxBatchSize = 0 }));

        Assert.Equal("MaxBatchSize", e.ParamName);
    }

    private sealed class RecordingLoggerFactory : ILoggerFactory
    {
        public List<(LogLevel Level, string Text)> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Recorder(this);

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        private sealed class Recorder(RecordingLoggerFactory owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner.Messages)
                {
                    owner.Messages.Add((logLevel, formatter(state, exception)));
                }
            }
        }
    }
}
