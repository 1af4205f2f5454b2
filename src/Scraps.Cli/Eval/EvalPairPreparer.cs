using Scraps.Audio;
using Scraps.Inference.Scoring;
using Scraps.Phonetics;

namespace Scraps.Cli.Eval;

/// <summary>
/// Turns manifest lines into <see cref="EvalPair"/>s through the service's scorer: audio decoded, resampled, log-mel
/// and standardised with the package's settings; X-SAMPA phonemes parsed (they win when a line has both), or the
/// transcript phonemised. A line the model cannot take (unreadable or too long audio, text without a phonemiser,
/// unknown or too many phonemes) is refused with the reason. Thread-safe.
/// </summary>
internal sealed class EvalPairPreparer(ScrapsScorer scorer)
{
    private readonly int _maxFrames = scorer.Model.Acoustic.MaxFrames;
    private readonly int _maxPhonemes = scorer.Model.Phonetic.MaxLength;

    /// <summary>The pair of <paramref name="line"/>, or null with <paramref name="reason"/> saying why the line cannot be used.</summary>
    public EvalPair? TryPrepare(EvalManifestLine line, out string reason)
    {
        ArgumentNullException.ThrowIfNull(line);
        var entry = line.Entry;
        PhoneticInput phonemes;
        try
        {
            phonemes = entry.Phonemes is not null ? scorer.Inputs.Phonemes(null, entry.Phonemes) : scorer.Inputs.Phonemes(entry.Text, null);
        }
        catch (Exception e) when (e is PhonemeInputException or ArgumentException)
        {
            reason = e.Message;
            return null;
        }

        if (phonemes.Length > _maxPhonemes)
        {
            reason = $"has {phonemes.Length} phonemes; the model takes at most {_maxPhonemes}";
            return null;
        }

        LogMel features;
        try
        {
            features = scorer.Inputs.FeaturesFromFile(line.AudioPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            reason = $"audio file not found: {line.AudioPath}";
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or AudioFormatException)
        {
            reason = $"audio {line.AudioPath} cannot be decoded: {e.Message}";
            return null;
        }

        if (features.Frames > _maxFrames)
        {
            reason = FormattableString.Invariant(
                $"audio {line.AudioPath} has {features.Frames} frames ({features.Seconds:0.#} s); the model takes at most {_maxFrames}");
            return null;
        }

        reason = string.Empty;
        return new EvalPair(entry.Id, entry.Phonemes is null ? entry.Text : null, phonemes.Ids, features) { Source = entry.Source, Speaker = entry.Speaker };
    }
}
