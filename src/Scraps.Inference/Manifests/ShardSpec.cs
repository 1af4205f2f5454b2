using System.Globalization;

namespace Scraps.Inference.Manifests;

/// <summary>
/// Which part of a manifest a run scores: shard <see cref="Index"/> of <see cref="Count"/> (0-based) takes the
/// non-blank lines whose ordinal modulo Count equals Index, so the shards of one manifest partition it.
/// </summary>
public readonly record struct ShardSpec(int Index, int Count)
{
    public static ShardSpec All => new(0, 1);

    public bool Contains(long lineOrdinal) => lineOrdinal % Count == Index;

    /// <summary>Parses "i/n" with 0 ≤ i &lt; n.</summary>
    /// <exception cref="FormatException">The text is not of that form.</exception>
    public static ShardSpec Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1 || index >= count)
        {
            throw new FormatException($"shard '{text}' must be i/n with 0 <= i < n, e.g. 0/4");
        }

        return new ShardSpec(index, count);
    }

    public override string ToString() => $"{Index}/{Count}";
}
