using Scraps.Inference.Package;
using Scraps.Inference.Tests.Fixtures;

namespace Scraps.Inference.Tests.Package;

public sealed class ModelLocatorTests
{
    [Fact]
    public void Resolve_ReturnsTheFullPathOfAGivenFolder()
    {
        Assert.Equal(Path.GetFullPath("some/model"), ModelLocator.Resolve("some/model"));
    }

    [Fact]
    public void Resolve_FindsTheDefaultPackageBelowAParentOfARoot()
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
    public void Resolve_SaysHowToFixAMissingDefaultPackage()
    {
        var start = TestPackages.NewTempFolder();
        Directory.CreateDirectory(start);

        var e = Assert.Throws<ModelPackageException>(() => ModelLocator.Resolve(null, [start]));

        Assert.Contains("--model", e.Problem);
        Assert.Contains("scraps-en-base", e.Message);
    }
}
