namespace Scraps.Cli.Report;

/// <summary>One line of <c>scraps score</c>'s output, joined with its manifest line (audio path and what it should say).</summary>
internal sealed record ScoredPair(
    string Id,
    double Score,
    double Probability,
    bool Match,
    double? AlignmentScore,
    IReadOnlyList<ScoredWord>? Words,
    IReadOnlyList<string> Warnings,
    string? AudioPath,
    string? Text);

/// <summary>One word of a line scored with <c>--words</c>.</summary>
internal sealed record ScoredWord(string Word, double? Start, double? End, double Confidence, bool Match);
