using Scraps.Audio;
using Scraps.Inference.Package;
using Scraps.Inference.Runtime;
using Scraps.Inference.Tests.Fixtures;
using Scraps.Model.Export;
using Scraps.Model.Modules;
using Scraps.Model.Runtime;
using static TorchSharp.torch;

namespace Scraps.Inference.Tests.Runtime;

/// <summary>
/// The engine against the model it was exported from: a random-weight TorchSharp <see cref="ScrapsNet"/> is exported,
/// packaged and loaded with <see cref="ScrapsModel"/>; the engine's length-sorted, padded batches must give
/// TorchSharp's vectors (each item run alone in TorchSharp, so no padding there) within 1e-4 of the norm.
/// </summary>
public sealed class ScrapsModelTorchParityTests : IDisposable
{
    private readonly ScrapsNet _net;
    private readonly string _folder;

    public ScrapsModelTorchParityTests()
    {
        TorchRuntime.Initialize(new TorchRuntimeOptions { Device = "cpu" });
        var config = new ScrapsModelConfig
        {
            Name = "engine-parity",
            ModelDim = 16,
            Layers = 1,
            Heads = 2,
            FfnDim = 32,
            Dropout = 0.1,
            // TorchSharp's LSTM leaves the LSTM equations (which ONNX Runtime follows) at some small hidden sizes
            // (8, 12, 16, 36 with d 16); 24 and the shipped sizes (256, 1024) agree with them.
            LstmHidden = 24,
            AcousticSubsampling = 4,
            MelBins = 80,
            MaxPositions = 128,
            VocabSize = TestPackages.VocabSize,
        };
        var generator = new TorchSharp.torch.Generator(1234);
        _net = new ScrapsNet(config);
        using (no_grad())
        {
            foreach (var (_, parameter) in _net.named_parameters())
            {
                parameter.add_(rand(parameter.shape, generator: generator).sub(0.5).mul(0.4));
            }
        }

        _net.eval();
        _folder = TestPackages.NewTempFolder();
        ScrapsOnnxExporter.Export(_net, _folder);
        var dims = TestPackages.Dims(acousticSubsampling: 4, maxPositions: 128);
        ModelPackageWriter.Write(_folder, TestPackages.Manifest(dims with { LstmHidden = 24 }));
    }

    [Fact]
    public void PhoneticVectors_match_TorchSharp_for_a_mixed_length_batch()
    {
        using var model = ScrapsModel.Load(_folder);
        long[][] items = [TestPackages.RandomPhonemes(9, 1), TestPackages.RandomPhonemes(1, 2), TestPackages.RandomPhonemes(40, 3)];

        var outputs = model.Phonetic.Encode(items);

        for (var i = 0; i < items.Length; i++)
        {
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            var expected = _net.EmbedPhonemes(tensor(items[i]).reshape(1, items[i].Length), tensor(new long[] { items[i].Length }));
            Tolerance.AssertClose(expected.data<float>().ToArray(), outputs[i].Embedding);
        }
    }

    [Fact]
    public void AcousticVectors_match_TorchSharp_for_a_mixed_length_batch()
    {
        using var model = ScrapsModel.Load(_folder);
        LogMel[] clips = [TestPackages.RandomFeatures(50, 1), TestPackages.RandomFeatures(1, 2), TestPackages.RandomFeatures(133, 3), TestPackages.RandomFeatures(6, 4)];

        var outputs = model.Acoustic.Encode(clips);

        for (var i = 0; i < clips.Length; i++)
        {
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            var features = tensor(clips[i].Data).reshape(1, clips[i].Frames, LogMel.Bins);
            var expected = _net.EmbedAcoustic(features, tensor(new long[] { clips[i].Frames }));
            Tolerance.AssertClose(expected.data<float>().ToArray(), outputs[i].Embedding);
        }
    }

    public void Dispose()
    {
        _net.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
