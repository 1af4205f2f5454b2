using System.Text.Json.Nodes;
using Scraps.Inference.Package;
using Scraps.Inference.Tests.Fixtures;

namespace Scraps.Inference.Tests.Package;

public sealed class ModelPackageReaderTests(TestPackageFixture package) : IClassFixture<TestPackageFixture>
{
    [Fact]
    public void Read_returns_the_manifest_of_a_valid_package()
    {
        var manifest = ModelPackageReader.Read(package.Folder);

        Assert.Equal("test-tiny", manifest.Name);
        Assert.Equal(TestPackages.VocabSize, manifest.Architecture.VocabSize);
        Assert.Equal(["acoustic.onnx", "phonetic.onnx"], manifest.Files.Keys.Order());
    }

    [Fact]
    public void Read_names_a_missing_folder()
    {
        var missing = Path.Combine(Path.GetTempPath(), "scraps-no-such-package");

        var e = Assert.Throws<ModelPackageException>(() => ModelPackageReader.Read(missing));

        Assert.Equal(missing, e.FilePath);
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void Read_names_a_missing_model_Json()
    {
        var copy = TestPackages.Copy(package.Folder);
        File.Delete(Path.Combine(copy, "model.json"));

        var e = Assert.Throws<ModelPackageException>(() => ModelPackageReader.Read(copy));

        Assert.EndsWith("model.json", e.FilePath);
        Assert.Contains("has no model.json", e.Problem);
    }

    [Fact]
    public void Read_names_a_missing_graph()
    {
        var copy = TestPackages.Copy(package.Folder);
        File.Delete(Path.Combine(copy, "phonetic.onnx"));

        var e = Assert.Throws<ModelPackageException>(() => ModelPackageReader.Read(copy));

        Assert.EndsWith("phonetic.onnx", e.FilePath);
        Assert.Contains("missing", e.Problem);
    }

    [Fact]
    public void Read_rejects_a_file_whose_hash_differs()
    {
        var copy = TestPackages.Copy(package.Folder);
        var graph = Path.Combine(copy, "acoustic.onnx");
        var bytes = File.ReadAllBytes(graph);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(graph, bytes);

        var e = Assert.Throws<ModelPackageException>(() => ModelPackageReader.Read(copy));

        Assert.EndsWith("acoustic.onnx", e.FilePath);
        Assert.Contains("SHA-256 mismatch", e.Problem);
        Assert.Equal("acoustic.onnx", ModelPackageReader.Read(copy, verifyHashes: false).Files.Keys.Order().First());
    }

    [Fact]
    public void Read_reports_bad_Json()
    {
        var copy = TestPackages.Copy(package.Folder);
        File.WriteAllText(Path.Combine(copy, "model.json"), "{ \"formatVersion\": 1, \"name\": ");

        var e = Assert.Throws<ModelPackageException>(() => ModelPackageReader.Read(copy));

        Assert.EndsWith("model.json", e.FilePath);
        Assert.Contains("bad JSON", e.Problem);
    }

    [Fact]
    public void Read_rejects_an_unsupported_format_version()
    {
        var copy = EditJson(json => json["formatVersion"] = 99);

        var e = Assert.Throws<ModelPackageException>(() => ModelPackageReader.Read(copy));

        Assert.Contains("unsupported formatVersion 99", e.Problem);
    }

    [Fact]
    public void Read_rejects_a_manifest_without_format_version()
    {
        var copy = EditJson(json => json.Remove("formatVersion"));

        var e = Assert.Throws<ModelPackageException>(() => ModelPackageReader.Read(copy));

        Assert.Contains("formatVersion", e.Problem);
    }

    [Fact]
    public void Read_names_a_missing_required_field()
    {
        var copy = EditJson(json => json.Remove("calibration"));

        var e = Assert.Throws<ModelPackageException>(() => ModelPackageReader.Read(copy));

        Assert.Contains("calibration", e.Problem);
    }

    [Theory]
    [InlineData("architecture", "heads", 5, "must be divisible by heads 5")]
    [InlineData("architecture", "acousticSubsampling", 3, "acousticSubsampling must be 1, 2 or 4")]
    [InlineData("calibration", "kind", "isotonic", "not supported")]
    [InlineData("frontEnd", "hop", 0, "frontEnd")]
    public void Read_rejects_inconsistent_fields(string section, string field, object value, string expected)
    {
        var copy = EditJson(json => json[section]![field] = JsonValue.Create(value));

        var e = Assert.Throws<ModelPackageException>(() => ModelPackageReader.Read(copy));

        Assert.Contains(expected, e.Problem);
    }

    [Fact]
    public void Read_rejects_a_zero_feature_std()
    {
        var copy = EditJson(json => json["features"]!["std"]![3] = 0);

        var e = Assert.Throws<ModelPackageException>(() => ModelPackageReader.Read(copy));

        Assert.Contains("bin 3", e.Problem);
    }

    [Fact]
    public void Read_rejects_phoneme_ids_out_of_order()
    {
        var copy = EditJson(json => json["phonemes"]!["symbols"]![3]!["id"] = 1000);

        var e = Assert.Throws<ModelPackageException>(() => ModelPackageReader.Read(copy));

        Assert.Contains("has id 1000", e.Problem);
    }

    [Fact]
    public void Read_rejects_an_unknown_phoneme_kind()
    {
        var copy = EditJson(json => json["phonemes"]!["symbols"]![2]!["kind"] = "click");

        var e = Assert.Throws<ModelPackageException>(() => ModelPackageReader.Read(copy));

        Assert.Contains("kind 'click'", e.Problem);
    }

    [Fact]
    public void Read_rejects_an_inventory_of_another_size_than_the_vocabulary()
    {
        var copy = EditJson(json => json["architecture"]!["vocabSize"] = TestPackages.VocabSize + 1);

        var e = Assert.Throws<ModelPackageException>(() => ModelPackageReader.Read(copy));

        Assert.Contains("vocabSize", e.Problem);
    }

    [Fact]
    public void Read_rejects_a_file_entry_outside_the_package()
    {
        var copy = EditJson(json => json["files"]!["../escape.bin"] = new string('a', 64));

        var e = Assert.Throws<ModelPackageException>(() => ModelPackageReader.Read(copy));

        Assert.Contains("not a plain file name", e.Problem);
    }

    /// <summary>A copy of the package whose model.json was changed (the graphs' hashes stay valid).</summary>
    private string EditJson(Action<JsonObject> edit)
    {
        var copy = TestPackages.Copy(package.Folder);
        var path = Path.Combine(copy, "model.json");
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
        return copy;
    }
}
