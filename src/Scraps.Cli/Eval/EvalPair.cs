using Scraps.Audio;

namespace Scraps.Cli.Eval;

/// <summary>
/// A matched (audio, phonemes) pair ready for the encoders: standardised log-mel features, computed once, and the
/// phoneme ids. <see cref="Text"/> is the transcript when the ids were phonemised from it (null for X-SAMPA lines),
/// so a word-swapped transcript goes through the same phonemiser.
/// </summary>
internal sealed record EvalPair(string Id, string? Text, long[] Phonemes, LogMel Features)
{
    /// <summary>The set the line belongs to (<see cref="Scraps.Inference.Manifests.ScoringManifestEntry.Source"/>).</summary>
    public string? Source { get; init; }

    public string? Speaker { get; init; }
}
