namespace Scraps.Data;

/// <summary>The split names a manifest uses and their normalisation (dev/validation/val all mean valid).</summary>
public static class DataSplits
{
    public const string Train = "train";
    public const string Valid = "valid";
    public const string Test = "test";

    /// <summary>Normalises a split name; null or empty means train.</summary>
    /// <exception cref="ManifestFormatException">The name is none of the known splits.</exception>
    public static string Normalize(string? split) => split?.Trim().ToLowerInvariant() switch
    {
        null or "" or "train" or "training" => Train,
        "valid" or "validation" or "val" or "dev" => Valid,
        "test" or "eval" => Test,
        _ => throw new ManifestFormatException($"unknown split '{split}' (expected train, valid or test)"),
    };
}
