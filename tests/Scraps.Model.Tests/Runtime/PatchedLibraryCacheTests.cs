using Scraps.Model.Runtime;

namespace Scraps.Model.Tests.Runtime;

public sealed class PatchedLibraryCacheTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"scraps-cache-{Guid.NewGuid():N}");
    private readonly string _original;

    public PatchedLibraryCacheTests()
    {
        Directory.CreateDirectory(_root);
        _original = Path.Combine(_root, "libExample.so");
        File.WriteAllBytes(_original, SyntheticElf.Build(("libstdc++.so.6", ["GLIBCXX_3.4.30", "GLIBCXX_3.4.32"])));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void GetOrCreate_writes_a_patched_copy_under_a_hash_folder_and_leaves_the_original()
    {
        var before = File.ReadAllBytes(_original);

        var copy = PatchedLibraryCache.GetOrCreate(_original, "GLIBCXX_3.4.32", Path.Combine(_root, "cache"));

        Assert.Equal("libExample.so", Path.GetFileName(copy));
        Assert.Matches("^[0-9a-f]{16}$", Path.GetFileName(Path.GetDirectoryName(copy)!));
        Assert.True(ElfVersionPatcher.ReadRequiredVersions(File.ReadAllBytes(copy)).Single(v => v.Name == "GLIBCXX_3.4.32").IsWeak);
        Assert.Equal(before, File.ReadAllBytes(_original));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(copy)!, "*.tmp"));
    }

    [Fact]
    public void GetOrCreate_reuses_an_existing_patched_copy()
    {
        var cache = Path.Combine(_root, "cache");
        var first = PatchedLibraryCache.GetOrCreate(_original, "GLIBCXX_3.4.32", cache);
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(first, stamp);

        var second = PatchedLibraryCache.GetOrCreate(_original, "GLIBCXX_3.4.32", cache);

        Assert.Equal(first, second);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(second));
    }

    [Fact]
    public void GetOrCreate_replaces_a_damaged_copy()
    {
        var cache = Path.Combine(_root, "cache");
        var copy = PatchedLibraryCache.GetOrCreate(_original, "GLIBCXX_3.4.32", cache);
        File.WriteAllBytes(copy, new byte[new FileInfo(copy).Length]);

        var again = PatchedLibraryCache.GetOrCreate(_original, "GLIBCXX_3.4.32", cache);

        Assert.Equal(copy, again);
        Assert.True(ElfVersionPatcher.ReadRequiredVersions(File.ReadAllBytes(again)).Single(v => v.Name == "GLIBCXX_3.4.32").IsWeak);
    }

    [Fact]
    public void DefaultRoot_follows_xdg_cache_home()
    {
        var root = PatchedLibraryCache.DefaultRoot();

        Assert.EndsWith(Path.Combine("scraps", "torch"), root);
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrWhiteSpace(xdg))
        {
            Assert.StartsWith(xdg, root);
        }
    }
}
