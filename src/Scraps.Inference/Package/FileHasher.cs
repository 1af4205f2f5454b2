using System.Security.Cryptography;

namespace Scraps.Inference.Package;

/// <summary>Lower-case hex SHA-256 of a file, streamed.</summary>
internal static class FileHasher
{
    public static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
