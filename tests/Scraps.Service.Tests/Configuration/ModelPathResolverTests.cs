using Scraps.Service.Configuration;

namespace Scraps.Service.Tests.Configuration;

public sealed class ModelPathResolverTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "scraps-resolver-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void A_relative_path_is_found_below_a_parent_of_the_content_root()
    {
        var package = Path.Combine(_root, "models", "m1");
        Directory.CreateDirectory(package);
        File.WriteAllText(Path.Combine(package, "model.json"), "{}");
        var contentRoot = Path.Combine(_root, "src", "Scraps.Service");
        Directory.CreateDirectory(contentRoot);

        Assert.Equal(package, ModelPathResolver.Resolve(Path.Combine("models", "m1"), contentRoot));
    }

    [Fact]
    public void A_path_found_nowhere_resolves_under_the_content_root()
    {
        Directory.CreateDirectory(_root);

        Assert.Equal(Path.Combine(_root, "nothing", "here"), ModelPathResolver.Resolve(Path.Combine("nothing", "here"), _root));
    }

    [Fact]
    public void An_absolute_path_is_taken_as_it_is()
    {
        var absolute = Path.Combine(_root, "abs");

        Assert.Equal(absolute, ModelPathResolver.Resolve(absolute, "/elsewhere"));
    }
}
