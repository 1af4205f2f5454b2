namespace Scraps.Model.Training;

/// <summary>
/// The utterances a model can take, checked once before training so that no forward pass needs to check its inputs
/// (a host sync per batch): phoneme ids outside the vocabulary are an error, over-long clips are skipped.
/// </summary>
internal static class UsableUtterances
{
    /// <param name="split">The split's name, for the error message.</param>
    public static (IReadOnlyList<TrainingUtterance> Usable, int Skipped) Of(IReadOnlyList<TrainingUtterance> utterances, TrainingOptions options, string split)
    {
        var config = options.Config;
        var usable = new List<TrainingUtterance>(utterances.Count);
        foreach (var u in utterances)
        {
            foreach (var id in u.PhonemeIds)
            {
                if (id < 1 || id >= config.VocabSize)
                {
                    throw new ArgumentException(
                        $"Utterance '{u.Id}' ({split}) has phoneme id {id}, outside the model's vocabulary 1..{config.VocabSize - 1}: " +
                        "the feature cache and the model config disagree on the phoneme inventory.");
                }
            }
            if (u.Frames >= 1 && u.Frames <= options.MaxClipFrames && u.PhonemeIds.Length >= 1
                && u.PhonemeIds.Length <= config.MaxPositions && config.SubsampledLength(u.Frames) <= config.MaxPositions)
            {
                usable.Add(u);
            }
        }
        return (usable, utterances.Count - usable.Count);
    }
}
