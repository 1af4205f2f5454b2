#if SCRAPS_SERVICE
namespace Scraps.Service.Api.Contracts;
#else
namespace Scraps.Client;
#endif

/// <summary>Every clip (rows) against every transcript (columns).</summary>
sealed partial record ScoreMatrixResponse
{
    /// <summary>Raw SCRAPS scores, [clips][transcripts].</summary>
    public required double[][] Scores { get; init; }

    /// <summary>Softmax of each row: for each clip, how its probability spreads over the transcripts.</summary>
    public required double[][] RowSoftmax { get; init; }

    /// <summary>Softmax of each column: for each transcript, how its probability spreads over the clips (same [clips][transcripts] layout).</summary>
    public required double[][] ColumnSoftmax { get; init; }

    /// <summary>The phonemes of each column, X-SAMPA.</summary>
    public required string[] Phonemes { get; init; }

    /// <summary>Length of each clip in seconds.</summary>
    public required double[] AudioSeconds { get; init; }

    /// <summary>What decoding had to repair in the audio (NaN or infinite samples, a truncated WAV), which was scored anyway; absent when nothing was.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }

    /// <summary>The model that scored them, "name@version".</summary>
    public required string Model { get; init; }
}
