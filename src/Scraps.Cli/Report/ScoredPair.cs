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
    string? Text)
{
    /// <summary>Where the utterance starts in <see cref="AudioPath"/> (a segment of a longer recording), in seconds.</summary>
    public double? Offset { get; init; }

    /// <summary>How long the segment is, in seconds.</summary>
    public double? Duration { get; init; }

    /// <summary>
    /// The audio link: the file, with a media fragment (<c>#t=start,end</c>, which browsers' players honour) for a
    /// segment, so the row plays its utterance and not the whole recording.
    /// </summary>
    public string? Fragment => Offset is null && Duration is null
        ? null
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"#t={Offset ?? 0:0.###}{(Duration is { } d ? $",{(Offset ?? 0) + d:0.###}" : string.Empty)}");
}

/// <summary>One word of a line scored with <c>--words</c>.</summary>
internal sealed record ScoredWord(string Word, double? Start, double? End, double Confidence, bool Match);
