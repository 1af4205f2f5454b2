namespace Scraps.Model.Training;

/// <summary>One (phonemes, audio) pair the trainer can use.</summary>
/// <param name="Index">The key to read its features from the <see cref="ITrainingData"/>.</param>
/// <param name="Id">The manifest id (for messages).</param>
/// <param name="Voice">The voice or speaker (validation holds out whole voices).</param>
/// <param name="Frames">Number of log-mel frames.</param>
/// <param name="PhonemeIds">Model token ids of the transcript (no padding token, 0, inside).</param>
public sealed record TrainingUtterance(int Index, string Id, string Voice, int Frames, int[] PhonemeIds)
{
    /// <summary>Frame spans of the transcript's phones (<see cref="Data.PhoneFrameSpans"/>), or null: the clip then trains without frame labels.</summary>
    public int[]? PhoneFrames { get; init; }
}

/// <summary>What the training loop reads: the train and valid utterances and their standardised features.</summary>
public interface ITrainingData
{
    IReadOnlyList<TrainingUtterance> Train { get; }

    IReadOnlyList<TrainingUtterance> Valid { get; }

    /// <summary>Version of the phoneme inventory the ids come from (recorded in checkpoints).</summary>
    string InventoryVersion { get; }

    /// <summary>
    /// Writes the standardised log-mel features of one utterance, frame-major (Frames x 80 values), into
    /// <paramref name="destination"/>. Must be safe to call from several threads at once.
    /// </summary>
    void ReadStandardizedFeatures(int index, Span<float> destination);
}
