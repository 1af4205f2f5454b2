#if SCRAPS_SERVICE
namespace Scraps.Service.Api.Contracts;
#else
namespace Scraps.Client;
#endif

/// <summary>How well the clip realises the phonemes.</summary>
sealed partial record ScoreResponse
{
    /// <summary>The raw SCRAPS score: the dot product of the acoustic and phonetic vectors (higher is a better match).</summary>
    public required double Score { get; init; }

    /// <summary>
    /// Match probability from the model's calibration: with the CTC head, the raw score and the alignment combined
    /// (fitted against random and near-miss transcripts); without it, logistic on the raw score.
    /// </summary>
    public required double Probability { get; init; }

    /// <summary>Whether the score reaches the model's decision threshold (the equal-error point of its held-out pairs).</summary>
    public required bool Match { get; init; }

    /// <summary>Mean goodness of pronunciation of the phonemes on the CTC alignment (at most 0); absent for a model without the CTC head.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? AlignmentScore { get; init; }

    /// <summary>With words=true: every word of the transcript, in order, with its time span, confidence and match.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<WordResult>? Words { get; init; }

    /// <summary>The phonemes that were scored, X-SAMPA, space-separated.</summary>
    public required string Phonemes { get; init; }

    /// <summary>Length of the clip in seconds.</summary>
    public required double AudioSeconds { get; init; }

    /// <summary>What decoding had to repair in the audio (NaN or infinite samples, a truncated WAV), which was scored anyway; absent when nothing was.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }

    /// <summary>The model that scored it, "name@version".</summary>
    public required string Model { get; init; }
}
