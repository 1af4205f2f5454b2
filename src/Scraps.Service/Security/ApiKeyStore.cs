using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Scraps.Service.Configuration;

namespace Scraps.Service.Security;

/// <summary>
/// The configured API keys, held as SHA-256 digests (a key is never kept or logged in clear), and the check of a
/// presented key: the digest of what the client sent is compared with every digest in constant time
/// (<see cref="CryptographicOperations.FixedTimeEquals"/>), so neither a key's length nor its first differing character
/// shows in the time taken. The keys file is read again when its last write time changes (checked at most every 2 s).
/// </summary>
internal sealed class ApiKeyStore
{
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(2);

    private readonly ApiKeyOptions options;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private byte[][] digests;
    private DateTime fileWritten;
    private DateTimeOffset checkedAt;

    public ApiKeyStore(IOptions<ApiKeyOptions> options, TimeProvider clock)
    {
        this.options = options.Value;
        this.clock = clock;
        digests = Load(out fileWritten);
        checkedAt = clock.GetUtcNow();
    }

    /// <summary>Whether the service asks for keys at all.</summary>
    public bool Enabled => options.Enabled;

    public ApiKeyOptions Options => options;

    /// <summary>The client id of a valid key (the first 12 hex digits of its digest, safe to log and to partition by); null when not valid.</summary>
    public string? Check(string presented)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var found = false;
        foreach (var known in Current())
        {
            // Every digest is compared (no early exit): the time does not tell which key matched either.
            found |= CryptographicOperations.FixedTimeEquals(known, digest);
        }

        return found ? Convert.ToHexStringLower(digest)[..12] : null;
    }

    private byte[][] Current()
    {
        if (options.KeysFile is null || clock.GetUtcNow() - checkedAt < RecheckInterval)
        {
            return digests;
        }

        lock (gate)
        {
            if (clock.GetUtcNow() - checkedAt >= RecheckInterval)
            {
                checkedAt = clock.GetUtcNow();
                if (File.Exists(options.KeysFile) && File.GetLastWriteTimeUtc(options.KeysFile) != fileWritten)
                {
                    digests = Load(out fileWritten);
                }
            }

            return digests;
        }
    }

    private byte[][] Load(out DateTime written)
    {
        written = default;
        var keys = new List<string>(options.Keys);
        if (options.KeysFile is { } file && File.Exists(file))
        {
            written = File.GetLastWriteTimeUtc(file);
            keys.AddRange(ReadKeysFile(file));
        }

        return keys.Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k))).ToArray();
    }

    /// <summary>The keys of a keys file: one a line, blank lines and lines starting with # ignored, spaces trimmed.</summary>
    public static IEnumerable<string> ReadKeysFile(string path) =>
        File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
}
