#if SCRAPS_SERVICE
namespace Scraps.Service.Api.Contracts;
#else
namespace Scraps.Client;
#endif

/// <summary>
/// The paper's text-less intelligibility measure (section 4.8): how close the clip's acoustic SCRAPS vector is to
/// the reference's, plus the clip's score against the text when one was given.
/// </summary>
sealed partial record CompareResponse
{
    /// <summary>SCRAPS(audio, reference): dot product of the two acoustic vectors.</summary>
    public required double Score { get; init; }

    /// <summary>Cosine similarity of the two acoustic vectors.</summary>
    public required double Cosine { get; init; }

    /// <summary>SCRAPS(audio, transcript); present only when a transcript or phonemes were given.</summary>
    public ScoreDetail? Transcript { get; init; }

    /// <summary>Length of the clip in seconds.</summary>
    public required double AudioSeconds { get; init; }

    /// <summary>Length of the reference clip in seconds.</summary>
    public required double ReferenceSeconds { get; init; }

    /// <summary>What decoding had to repair in the audio (NaN or infinite samples, a truncated WAV), which was scored anyway; absent when nothing was.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }

    /// <summary>The model, "name@version".</summary>
    public required string Model { get; init; }
}
