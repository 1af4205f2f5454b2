using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Scraps.Inference.Package;
using Scraps.Inference.Tests.Fixtures;

namespace Scraps.Inference.Tests.Package;

public sealed class ModelPackageWriterTests(TestPackageFixture package) : IClassFixture<TestPackageFixture>
{
    [Fact]
    public void Write_records_the_sha_256_of_every_other_file()
    {
        var copy = TestPackages.Copy(package.Folder);
        File.WriteAllText(Path.Combine(copy, "checkpoint.bin"), "weights");
        var manifest = ModelPackageReader.Read(copy);

        var written = ModelPackageWriter.Write(copy, manifest);

        Assert.Equal(["acoustic.onnx", "checkpoint.bin", "phonetic.onnx"], written.Files.Keys.Order());
        foreach (var (name, hash) in written.Files)
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(copy, name)))), hash);
        }

        Assert.Equal(written.Files, ModelPackageReader.Read(copy).Files);
    }

    [Fact]
    public void Write_uses_camel_case_and_the_current_format_version()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(package.Folder, "model.json")))!.AsObject();

        Assert.Equal(ModelManifest.CurrentFormatVersion, (int)json["formatVersion"]!);
        Assert.Equal(12, (int)json["architecture"]!["lstmHidden"]!);
        Assert.Equal(800, (int)json["frontEnd"]!["winLength"]!);
        Assert.Equal("logistic", (string)json["calibration"]!["kind"]!);
        Assert.Equal("<pad>", (string)json["phonemes"]!["symbols"]![0]!["xsampa"]!);
        Assert.Equal("padding", (string)json["phonemes"]!["symbols"]![0]!["kind"]!);
        Assert.Contains(json["phonemes"]!["symbols"]!.AsArray(), s => (string)s!["kind"]! == "phone");
        Assert.Equal(80, json["features"]!["mean"]!.AsArray().Count);
        Assert.Equal("random weights", (string)json["trainingSummary"]!["note"]!);
    }

    [Fact]
    public void Write_round_trips_every_field()
    {
        var original = TestPackages.Manifest(TestPackages.Dims());

        var read = ModelPackageReader.Read(package.Folder);

        Assert.Equal(original.Architecture, read.Architecture);
        Assert.Equal(original.FrontEnd, read.FrontEnd);
        Assert.Equal(original.Features.Mean, read.Features.Mean);
        Assert.Equal(original.Features.Std, read.Features.Std);
        Assert.Equal(original.Phonemes.Symbols, read.Phonemes.Symbols);
        Assert.Equal(original.G2p, read.G2p);
        Assert.Equal(original.Calibration, read.Calibration);
        Assert.Equal(original.Threshold, read.Threshold);
        Assert.Equal(original.Created, read.Created);
    }

    [Fact]
    public void Write_refuses_a_folder_without_graphs()
    {
        var empty = TestPackages.NewTempFolder();
        Directory.CreateDirectory(empty);

        var e = Assert.Throws<ModelPackageException>(() => ModelPackageWriter.Write(empty, TestPackages.Manifest(TestPackages.Dims())));

        Assert.EndsWith("acoustic.onnx", e.FilePath);
    }

    [Fact]
    public void Write_refuses_an_inconsistent_manifest()
    {
        var copy = TestPackages.Copy(package.Folder);
        var manifest = TestPackages.Manifest(TestPackages.Dims()) with { Features = new FeatureMeanStd(new float[3], new float[3]) };

        var e = Assert.Throws<ModelPackageException>(() => ModelPackageWriter.Write(copy, manifest));

        Assert.Contains("80 values", e.Problem);
    }
}
