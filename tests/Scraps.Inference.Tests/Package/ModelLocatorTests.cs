using Scraps.Inference.Package;
using Scraps.Inference.Tests.Fixtures;

namespace Scraps.Inference.Tests.Package;

public sealed class ModelLocatorTests
{
    [Fact]
    public void Resolve_returns_the_full_path_of_a_given_folder()
    {
        Assert.Equal(Path.GetFullPath("some/model"), ModelLocator.Resolve("some/model"));
    }

    [Fact]
    public void Resolve_finds_the_default_package_below_a_parent_of_a_root()
    {
        var root = TestPackages.NewTempFolder();
        var package = Path.Combine(root, "models", "scraps-en-base");
        var start = Path.Combine(root, "bin", "Release");
        Directory.CreateDirectory(package);
        Directory.CreateDirectory(start);
        File.WriteAllText(Path.Combine(package, "model.json"), "{}");

        Assert.Equal(package, ModelLocator.Resolve(null, [start]));
    }

    [Fact]
    public void Resolve_says_how_to_fix_a_missing_default_package()
    {
        var start = TestPackages.NewTempFolder();
        Directory.CreateDirectory(start);

        var e = Assert.Throws<ModelPackageException>(() => ModelLocator.Resolve(null, [start]));

        Assert.Contains("--model", e.Problem);
        Assert.Contains("scraps-en-base", e.Message);
    }

    [Fact]
    public void A_packages_model_json_named_instead_of_its_folder_means_the_folder()
    {
        var package = TestPackages.NewTempFolder();
        Directory.CreateDirectory(package);
        File.WriteAllText(Path.Combine(package, "model.json"), "{}");

        Assert.Equal(package, ModelLocator.Resolve(Path.Combine(package, "model.json")));
    }

    [Fact]
    public void Each_path_that_is_no_package_gets_one_sentence_that_says_what_it_is()
    {
        var root = TestPackages.NewTempFolder();
        Directory.CreateDirectory(root);
        var file = Path.Combine(root, "weights.onnx");
        File.WriteAllText(file, "x");
        var missing = Path.Combine(root, "nowhere");

        var isFile = Assert.Throws<ModelPackageException>(() => ModelPackageReader.Read(file)).Message;
        var isMissing = Assert.Throws<ModelPackageException>(() => ModelPackageReader.Read(missing)).Message;
        var isEmpty = Assert.Throws<ModelPackageException>(() => ModelPackageReader.Read(root)).Message;

        Assert.Equal($"'{file}' is a file; a model package is the folder that holds model.json and the .onnx graphs", isFile);
        Assert.Equal($"model package folder '{missing}' does not exist", isMissing);
        Assert.Equal($"folder '{root}' is not a model package: it has no model.json", isEmpty);
    }
}
