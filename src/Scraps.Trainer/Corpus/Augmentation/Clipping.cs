namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>
/// Hard clipping, as an overdriven recorder or sound card does: the level is set at the magnitude that
/// the drawn <c>share</c> of the samples exceed, so the drawn share of samples ends up flat-topped whatever the
/// clip's level.
/// </summary>
internal static class Clipping
{
    /// <summary>Clips in place; returns the clip level.</summary>
    public static float Apply(Span<float> audio, double share)
    {
        if (audio.Length == 0 || share <= 0)
        {
            return float.PositiveInfinity;
        }

        var magnitudes = new float[audio.Length];
        for (var i = 0; i < audio.Length; i++)
        {
            magnitudes[i] = Math.Abs(audio[i]);
        }

        Array.Sort(magnitudes);
        var level = magnitudes[Math.Clamp((int)((1 - share) * audio.Length), 0, audio.Length - 1)];
        for (var i = 0; i < audio.Length; i++)
        {
            audio[i] = Math.Clamp(audio[i], -level, level);
        }

        return level;
    }
}
