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

    private readonly ApiKeyOptions _options;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private byte[][] _digests;
    private DateTime _fileWritten;
    private DateTimeOffset _checkedAt;

    public ApiKeyStore(IOptions<ApiKeyOptions> options, TimeProvider clock)
    {
        _options = options.Value;
        _clock = clock;
        _digests = Load(out _fileWritten);
        _checkedAt = clock.GetUtcNow();
    }

    /// <summary>Whether the service asks for keys at all.</summary>
    public bool Enabled => _options.Enabled;

    public ApiKeyOptions Options => _options;

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
        if (_options.KeysFile is null || _clock.GetUtcNow() - _checkedAt < RecheckInterval)
        {
            return _digests;
        }

        lock (_gate)
        {
            if (_clock.GetUtcNow() - _checkedAt >= RecheckInterval)
            {
                _checkedAt = _clock.GetUtcNow();
                if (File.Exists(_options.KeysFile) && File.GetLastWriteTimeUtc(_options.KeysFile) != _fileWritten)
                {
                    _digests = Load(out _fileWritten);
                }
            }

            return _digests;
        }
    }

    private byte[][] Load(out DateTime written)
    {
        written = default;
        var keys = new List<string>(_options.Keys);
        if (_options.KeysFile is { } file && File.Exists(file))
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
