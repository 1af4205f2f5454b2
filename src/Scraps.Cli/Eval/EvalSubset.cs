using System.Globalization;

namespace Scraps.Cli.Eval;

/// <summary>
/// Which clips of a manifest an evaluation keeps (<c>--text-kind</c>, <c>--min-seconds</c>, <c>--max-seconds</c>): one
/// utterance kind, read from the <c>textKind</c> field <c>scraps-train corpus synth</c> writes, and a range of durations,
/// measured on the decoded audio (so manifests without a <c>duration</c> field work too). Every random minibatch is then
/// drawn from the subset alone: single-word clips are told apart from other single words, long passages from other long
/// passages, which is the harder question a user ranking a clip's candidate transcripts asks.
/// </summary>
internal sealed record EvalSubset(string? TextKind = null, double? MinSeconds = null, double? MaxSeconds = null)
{
    public static EvalSubset All { get; } = new();

    public bool IsAll => TextKind is null && MinSeconds is null && MaxSeconds is null;

    public bool KeepsLine(EvalManifestLine line) => TextKind is null || string.Equals(line.Entry.TextKind, TextKind, StringComparison.Ordinal);

    public bool KeepsClip(double seconds) => (MinSeconds is not { } min || seconds >= min) && (MaxSeconds is not { } max || seconds <= max);

    /// <summary>For the report's header, e.g. <c>textKind = word</c> or <c>clips of 15 s or more</c>; null for the whole manifest.</summary>
    public string? Describe()
    {
        if (IsAll)
        {
            return null;
        }

        var parts = new List<string>();
        if (TextKind is not null)
        {
            parts.Add($"textKind = {TextKind}");
        }

        var seconds = (MinSeconds, MaxSeconds) switch
        {
            ({ } min, { } max) => $"clips of {Seconds(min)}-{Seconds(max)} s",
            ({ } min, null) => $"clips of {Seconds(min)} s or more",
            (null, { } max) => $"clips of {Seconds(max)} s or less",
            _ => null,
        };
        if (seconds is not null)
        {
            parts.Add(seconds);
        }

        return string.Join(", ", parts);
    }

    /// <exception cref="ArgumentException">A bound is negative or not a number, or the range is empty; the message names the flag.</exception>
    public void Validate()
    {
        if (TextKind is not null && string.IsNullOrWhiteSpace(TextKind))
        {
            throw new ArgumentException("--text-kind must name a kind (e.g. word, number, command, spontaneous, passage, sentence)");
        }

        if (MinSeconds is { } min && !(min >= 0 && double.IsFinite(min)))
        {
            throw new ArgumentException($"--min-seconds must be a finite number of seconds >= 0, got {Seconds(min)}");
        }

        if (MaxSeconds is { } max && !(max > 0 && double.IsFinite(max)))
        {
            throw new ArgumentException($"--max-seconds must be a finite number of seconds > 0, got {Seconds(max)}");
        }

        if (MinSeconds is { } low && MaxSeconds is { } high && low > high)
        {
            throw new ArgumentException($"--min-seconds ({Seconds(low)}) is above --max-seconds ({Seconds(high)}): no clip can be kept");
        }
    }

    /// <summary>
    /// The manifest lines of the subset's kind.
    /// </summary>
    /// <exception cref="InvalidDataException">--text-kind was given but no line has that kind (the kinds present are named).</exception>
    public IReadOnlyList<EvalManifestLine> Select(IReadOnlyList<EvalManifestLine> lines, string manifestPath)
    {
        if (TextKind is null)
        {
            return lines;
        }

        var kept = lines.Where(KeepsLine).ToArray();
        if (kept.Length == 0)
        {
            var kinds = lines.Select(l => l.Entry.TextKind).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            throw new InvalidDataException(kinds.Length == 0
                ? $"--text-kind {TextKind}: manifest {manifestPath} has no \"textKind\" field (scraps-train corpus synth writes it)"
                : $"--text-kind {TextKind}: no line of manifest {manifestPath} has that kind; it has {string.Join(", ", kinds)}");
        }

        return kept;
    }

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
