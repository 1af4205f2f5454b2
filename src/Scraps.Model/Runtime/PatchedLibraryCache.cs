using System.Security.Cryptography;

namespace Scraps.Model.Runtime;

/// <summary>
/// Keeps private copies of native libraries with one required symbol version marked weak, in
/// <c>$XDG_CACHE_HOME/scraps/torch/&lt;sha256 prefix of the original&gt;/</c> (default <c>~/.cache</c>).
/// Copies are written to a temporary name and renamed, so concurrent processes never see half a file.
/// </summary>
internal static class PatchedLibraryCache
{
    public static string DefaultRoot()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrWhiteSpace(cache))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            cache = string.IsNullOrWhiteSpace(home) ? Path.GetTempPath() : Path.Combine(home, ".cache");
        }
        return Path.Combine(cache, "scraps", "torch");
    }

    /// <summary>Returns the path of the patched copy of <paramref name="original"/>, creating it when missing or stale.</summary>
    public static string GetOrCreate(string original, string versionName, string? root = null)
    {
        var bytes = File.ReadAllBytes(original);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        var folder = Path.Combine(root ?? DefaultRoot(), hash);
        var target = Path.Combine(folder, Path.GetFileName(original));
        if (IsPatchedCopy(target, versionName, bytes.Length))
        {
            return target;
        }

        ElfVersionPatcher.MarkVersionWeak(bytes, versionName, original);
        try
        {
            Directory.CreateDirectory(folder);
            FileReplacement.WriteAllBytes(target, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TorchRuntimeException(
                $"Cannot write the patched copy of {Path.GetFileName(original)} to {folder}: {e.Message} (set XDG_CACHE_HOME to a writable folder).", e);
        }
        return target;
    }

    private static bool IsPatchedCopy(string path, string versionName, long expectedLength)
    {
        if (!File.Exists(path) || new FileInfo(path).Length != expectedLength)
        {
            return false;
        }
        try
        {
            var versions = ElfVersionPatcher.ReadRequiredVersions(File.ReadAllBytes(path), path);
            var named = versions.Where(v => v.Name == versionName).ToList();
            return named.Count > 0 && named.All(v => v.IsWeak);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
