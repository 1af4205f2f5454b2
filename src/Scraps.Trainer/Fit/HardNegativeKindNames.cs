using Scraps.Model.Training;

namespace Scraps.Trainer.Fit;

/// <summary>The command-line names of <see cref="HardNegativeKind"/> (close-word, delete-word, ...).</summary>
internal static class HardNegativeKindNames
{
    private static readonly Dictionary<string, HardNegativeKind> ByName = HardNegativeKind.All.Kinds().ToDictionary(Name, k => k, StringComparer.OrdinalIgnoreCase);

    /// <summary>CloseWord -> close-word.</summary>
    public static string Name(HardNegativeKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <exception cref="ArgumentException">An unknown or empty name.</exception>
    public static HardNegativeKind ParseList(string value)
    {
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            throw new ArgumentException("--hard-negative-kinds names no kind.");
        }

        return names.Select(n => ByName.TryGetValue(n, out var k)
            ? k
            : throw new ArgumentException($"--hard-negative-kinds: unknown kind '{n}' (kinds: {string.Join(", ", ByName.Keys)}).")).Aggregate(HardNegativeKind.None, (a, k) => a | k);
    }
}
