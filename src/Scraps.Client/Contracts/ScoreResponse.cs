namespace Scraps.Client;

/// <summary>Answer of <c>POST /v1/score</c>: how well the clip realises the phonemes.</summary>
public sealed record ScoreResponse
{
    /// <summary>The raw SCRAPS score: the dot product of the acoustic and phonetic vectors (higher is a better match).</summary>
    public required double Score { get; init; }

    /// <summary>Match probability from the model's calibration (with the CTC head: score and alignment combined).</summary>
    public required double Probability { get; init; }

    /// <summary>Whether the score reaches the model's decision threshold.</summary>
    public required bool Match { get; init; }

    /// <summary>Mean goodness of pronunciation on the CTC alignment (at most 0); null for a model without the CTC head.</summary>
    public double? AlignmentScore { get; init; }

    /// <summary>With <c>words: true</c>: every word of the transcript, in order, with its span, confidence and match.</summary>
    public IReadOnlyList<WordResult>? Words { get; init; }

    /// <summary>The phonemes that were scored, X-SAMPA, space-separated.</summary>
    public required string Phonemes { get; init; }

    /// <summary>Length of the clip in seconds.</summary>
    public required double AudioSeconds { get; init; }

    /// <summary>What decoding had to repair in the audio (NaN or infinite samples, a truncated WAV), which was scored anyway; absent when nothing was.</summary>
    public IReadOnlyList<string>? Warnings { get; init; }

    /// <summary>The model that scored it, "name@version".</summary>
    public required string Model { get; init; }
}
