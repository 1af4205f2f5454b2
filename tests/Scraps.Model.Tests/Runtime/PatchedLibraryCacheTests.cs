using Scraps.Model.Runtime;

namespace Scraps.Model.Tests.Runtime;

public sealed class PatchedLibraryCacheTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"scraps-cache-{Guid.NewGuid():N}");
    private readonly string original;

    public PatchedLibraryCacheTests()
    {
        Directory.CreateDirectory(root);
        original = Path.Combine(root, "libExample.so");
        File.WriteAllBytes(original, SyntheticElf.Build(("libstdc++.so.6", ["GLIBCXX_3.4.30", "GLIBCXX_3.4.32"])));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void GetOrCreate_WritesAPatchedCopyUnderAHashFolderAndLeavesTheOriginal()
    {
        var before = File.ReadAllBytes(original);

        var copy = PatchedLibraryCache.GetOrCreate(original, "GLIBCXX_3.4.32", Path.Combine(root, "cache"));

        Assert.Equal("libExample.so", Path.GetFileName(copy));
        Assert.Matches("^[0-9a-f]{16}$", Path.GetFileName(Path.GetDirectoryName(copy)!));
        Assert.True(ElfVersionPatcher.ReadRequiredVersions(File.ReadAllBytes(copy)).Single(v => v.Name == "GLIBCXX_3.4.32").IsWeak);
        Assert.Equal(before, File.ReadAllBytes(original));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(copy)!, "*.tmp"));
    }

    [Fact]
    public void GetOrCreate_ReusesAnExistingPatchedCopy()
    {
        var cache = Path.Combine(root, "cache");
        var first = PatchedLibraryCache.GetOrCreate(original, "GLIBCXX_3.4.32", cache);
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(first, stamp);

        var second = PatchedLibraryCache.GetOrCreate(original, "GLIBCXX_3.4.32", cache);

        Assert.Equal(first, second);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(second));
    }

    [Fact]
    public void GetOrCreate_ReplacesADamagedCopy()
    {
        var cache = Path.Combine(root, "cache");
        var copy = PatchedLibraryCache.GetOrCreate(original, "GLIBCXX_3.4.32", cache);
        File.WriteAllBytes(copy, new byte[new FileInfo(copy).Length]);

        var again = PatchedLibraryCache.GetOrCreate(original, "GLIBCXX_3.4.32", cache);

        Assert.Equal(copy, again);
        Assert.True(ElfVersionPatcher.ReadRequiredVersions(File.ReadAllBytes(again)).Single(v => v.Name == "GLIBCXX_3.4.32").IsWeak);
    }

    [Fact]
    public void DefaultRoot_FollowsXdgCacheHome()
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
