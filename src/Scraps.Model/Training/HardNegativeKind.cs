namespace Scraps.Model.Training;

/// <summary>How a hard negative is made from a pair's own phoneme sequence; a combination names the kinds a run draws.</summary>
[Flags]
public enum HardNegativeKind
{
    None = 0,

    /// <summary>One word replaced by a lexicon word 1-2 phones away ("bat" -> "pat"): the typical transcript error.</summary>
    CloseWord = 1,

    /// <summary>One word left out.</summary>
    DeleteWord = 2,

    /// <summary>A lexicon word added between two words (or at an end).</summary>
    InsertWord = 4,

    /// <summary>Two adjacent (different) words swapped.</summary>
    SwapWords = 8,

    /// <summary>10-30% of the phones replaced by other phones (the paper's substitution corruption).</summary>
    PhoneNoise = 16,

    /// <summary>Every kind.</summary>
    All = CloseWord | DeleteWord | InsertWord | SwapWords | PhoneNoise,
}

public static class HardNegativeKindSet
{
    /// <summary>The single kinds in a combination, in declaration order.</summary>
    public static HardNegativeKind[] Kinds(this HardNegativeKind set) =>
        Enum.GetValues<HardNegativeKind>().Where(k => k is not (HardNegativeKind.None or HardNegativeKind.All) && set.HasFlag(k)).ToArray();
}
