using Scraps.Data;
using Scraps.Inference.Runtime;
using Scraps.Model.Modules;
using Scraps.Model.Runtime;
using Scraps.Trainer.Export;
using static TorchSharp.torch;

namespace Scraps.Trainer.Tests.Export;

[Collection(ExportCollection.Name)]
public sealed class PackageExporterTests(ExportFixture fixture)
{
    [Fact]
    public void The_exported_package_reproduces_the_trained_checkpoint_within_1e_4()
    {
        var output = fixture.NewFolder("parity");
        var checkpoint = ExportCheckpointLocator.Resolve(fixture.Run, null);
        TorchRuntime.Initialize(new TorchRuntimeOptions { Device = "cpu" });
        new PackageExporter(TextWriter.Null).Export(checkpoint, Settings(output) with { CalibrationPairs = 4, ParityItems = 2 });

        // Independently of the exporter's own check: every held-out clip, ONNX Runtime in mixed-length batches
        // (and each alone, batch size 1) against TorchSharp on each item alone.
        using var net = ScrapsNet.LoadWeights(checkpoint.WeightsPath, checkpoint.State.Options.Config);
        net.eval();
        using var model = ScrapsModel.Load(output);
        using var cache = FeatureCache.Open(fixture.Cache);
        var clips = cache.InSplit(DataSplits.Valid);
        var features = clips.Select(c => CalibrationScores.ReadFeatures(cache, c)).ToArray();
        var phonemes = clips.Select(c => Array.ConvertAll(c.PhonemeIds, id => (long)id)).ToArray();
        var batchedAcoustic = model.Acoustic.Encode(features);
        var batchedPhonetic = model.Phonetic.Encode(phonemes);
        var worst = 0.0;
        using var noGrad = no_grad();
        for (var i = 0; i < clips.Count; i++)
        {
            using var scope = NewDisposeScope();
            var acoustic = net.EmbedAcoustic(tensor(features[i].Data, [1, features[i].Frames, 80]), tensor(new long[] { features[i].Frames })).data<float>().ToArray();
            var phonetic = net.EmbedPhonemes(tensor(phonemes[i], [1, phonemes[i].Length]), tensor(new long[] { phonemes[i].Length })).data<float>().ToArray();
            worst = Math.Max(worst, OnnxParityCheck.RelativeError(batchedAcoustic[i].Embedding, acoustic));
            worst = Math.Max(worst, OnnxParityCheck.RelativeError(batchedPhonetic[i].Embedding, phonetic));
            if (i < 3)
            {
                worst = Math.Max(worst, OnnxParityCheck.RelativeError(model.Acoustic.Encode([features[i]])[0].Embedding, acoustic));
                worst = Math.Max(worst, OnnxParityCheck.RelativeError(model.Phonetic.Encode([phonemes[i]])[0].Embedding, phonetic));
            }
        }

        Assert.True(clips.Count >= 20, $"{clips.Count} held-out clips");
        Assert.InRange(worst, 0, 1e-4);
    }

    [Fact]
    public void A_parity_failure_stops_the_export_and_leaves_no_package()
    {
        var output = fixture.NewFolder("strict");
        var checkpoint = ExportCheckpointLocator.Resolve(fixture.Run, null);
        TorchRuntime.Initialize(new TorchRuntimeOptions { Device = "cpu" });

        var error = Assert.Throws<OnnxParityException>(() =>
            new PackageExporter(TextWriter.Null).Export(checkpoint, Settings(output) with { ParityTolerance = 1e-15, ParityItems = 2 }));

        Assert.Contains("max relative error", error.Message);
        Assert.False(Directory.Exists(output));
        Assert.False(Directory.Exists(output + ".partial"));
    }

    [Fact]
    public void A_cache_without_the_calibration_split_is_refused_before_anything_is_written()
    {
        var output = fixture.NewFolder("no-test");
        var checkpoint = ExportCheckpointLocator.Resolve(fixture.Run, null);

        var error = Assert.Throws<ArgumentException>(() =>
            new PackageExporter(TextWriter.Null).Export(checkpoint, Settings(output) with { CalibrationSplit = "test" }));

        Assert.Contains("'test' split", error.Message);
        Assert.Contains("--calibration-split valid", error.Message);
        Assert.False(Directory.Exists(output + ".partial"));
    }

    private ExportSettings Settings(string output) => new() { CachePath = fixture.Cache, OutPath = output, Threads = 1 };
}
