using System.Globalization;
using Scraps.Audio;
using Scraps.Inference.Runtime;
using Scraps.Phonetics;
using Scraps.Phonetics.Words;

namespace Scraps.Inference.Scoring;

/// <summary>
/// A scorer's inputs, checked once at the boundary: audio decoded within <see cref="ScoringLimits"/> (and the model's
/// positional table) into standardised log-mel features, and transcripts or X-SAMPA turned into the package's phoneme
/// ids (with the words they spell, where asked). Errors name the field they came from. Thread-safe when its
/// phonemizer is.
/// </summary>
public sealed class ScoringInputs
{
    private readonly ScrapsModel _model;
    private readonly IPhonemizer? _phonemizer;
    private readonly LogMelExtractor _extractor;

    /// <param name="phonemizer">Turns text into phonemes (espeak-ng with the package's voice); null when only X-SAMPA input is used.</param>
    /// <param name="limits">What one input may be; null: the defaults.</param>
    public ScoringInputs(ScrapsModel model, IPhonemizer? phonemizer, ScoringLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _phonemizer = phonemizer;
        _extractor = new LogMelExtractor(model.Manifest.FrontEnd);
        limits ??= new ScoringLimits();
        var frontEnd = model.Manifest.FrontEnd;
        var modelSeconds = (double)(model.Manifest.Architecture.MaxAcousticFrames - 1) * frontEnd.Hop / frontEnd.SampleRate;
        Limits = limits with { MaxAudioSeconds = Math.Min(limits.MaxAudioSeconds, modelSeconds) };
        // Decoding is bounded by the limit itself: containers that state their length are refused before decoding (a
        // precise message, no memory spent), others as soon as decoding passes it (the tolerance covers rounding).
        DecodeGuard = TimeSpan.FromSeconds(Limits.MaxAudioSeconds + 0.01);
    }

    /// <summary>The limits in force (the longest clip is also capped by the model's positional table).</summary>
    public ScoringLimits Limits { get; }

    /// <summary>The longest audio decoded before giving up.</summary>
    public TimeSpan DecodeGuard { get; }

    /// <summary>Standardised log-mel features of mono 16 kHz samples.</summary>
    public LogMel FeaturesFromSamples(ReadOnlySpan<float> mono16k)
    {
        var features = _extractor.Compute(mono16k);
        _model.Standardizer.ApplyInPlace(features.Data);
        return features;
    }

    /// <summary>Standardised log-mel features of an encoded audio file's bytes (any supported format and rate).</summary>
    /// <exception cref="AudioFormatException">The bytes are not audio we can decode.</exception>
    public LogMel FeaturesFromBytes(ReadOnlySpan<byte> encodedAudio) => FeaturesFromSamples(AudioFrontEnd.LoadMono16k(encodedAudio));

    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="AudioFormatException">The file is not audio we can decode.</exception>
    public LogMel FeaturesFromFile(string path) => FeaturesFromSamples(AudioFrontEnd.LoadMono16kFile(RequireFile(path)));

    /// <summary><see cref="PrepareClip(ReadOnlySpan{byte}, string)"/> of a file's bytes.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public PreparedClip PrepareClipFile(string path, string field) => PrepareClip(File.ReadAllBytes(RequireFile(path)), field);

    private static string RequireFile(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"audio file not found: {path}", path);

    /// <summary>Decodes and checks a clip (length within <see cref="Limits"/>) and computes its standardised features.</summary>
    /// <param name="field">Names the clip in messages (a request field, a file).</param>
    /// <exception cref="AudioFormatException">Not audio we can decode.</exception>
    /// <exception cref="ScoringInputException">Too short or too long.</exception>
    public PreparedClip PrepareClip(ReadOnlySpan<byte> encodedAudio, string field)
    {
        DecodedAudio decoded;
        try
        {
            decoded = AudioDecoder.DecodeMono16k(encodedAudio, DecodeGuard);
        }
        catch (AudioTooLongException e)
        {
            throw new ScoringInputException(e.Seconds is { } s
                ? string.Create(CultureInfo.InvariantCulture, $"'{field}' is {s:0.##} s long; the longest clip scored is {Limits.MaxAudioSeconds:0.##} s")
                : string.Create(CultureInfo.InvariantCulture, $"'{field}' is longer than {Limits.MaxAudioSeconds:0.##} s, the longest clip scored"), e);
        }
        catch (AudioContentException e)
        {
            throw new ScoringInputException($"'{field}': {e.Message}", e);
        }

        CheckDuration(decoded.Seconds, field);
        return new PreparedClip(FeaturesFromSamples(decoded.Samples), decoded.Seconds)
        {
            Warnings = decoded.Warnings.Select(w => $"'{field}': {w}").ToArray(),
        };
    }

    /// <summary>Checks a clip's length against <see cref="Limits"/> and computes its features.</summary>
    /// <exception cref="ScoringInputException">Too short or too long.</exception>
    public PreparedClip PrepareClip(float[] mono16k, string field)
    {
        ArgumentNullException.ThrowIfNull(mono16k);
        var seconds = mono16k.Length / (double)AudioFrontEnd.SampleRate;
        CheckDuration(seconds, field);
        return new PreparedClip(FeaturesFromSamples(mono16k), seconds);
    }

    /// <summary>
    /// Phoneme ids in the package inventory for either a transcript (phonemised with the package's G2P) or an
    /// X-SAMPA string (space-separated). Exactly one must be given. With <paramref name="words"/>, also which tokens
    /// say which written word (or, for X-SAMPA, which group between boundaries).
    /// </summary>
    /// <exception cref="PhonemeInputException">Unknown phoneme, empty result, or text too long.</exception>
    /// <exception cref="ArgumentException">Neither or both inputs given, or text without a phonemizer.</exception>
    public PhoneticInput Phonemes(string? text, string? xsampa, bool words = false)
    {
        var hasText = !string.IsNullOrWhiteSpace(text);
        var hasPhonemes = !string.IsNullOrWhiteSpace(xsampa);
        if (hasText == hasPhonemes)
        {
            throw new ArgumentException("give either a transcript or X-SAMPA phonemes, not both or neither");
        }

        PhonemizedTranscript transcript;
        if (hasText)
        {
            if (_phonemizer is null)
            {
                throw new ArgumentException("this scorer has no phonemizer: send X-SAMPA phonemes instead of text");
            }

            // A phonemizer on another inventory is mapped through X-SAMPA (unknown tokens are reported).
            var native = _phonemizer.Inventory.IsEquivalentTo(_model.Inventory);
            if (words && native)
            {
                transcript = TranscriptWords.Phonemize(_phonemizer, text!);
            }
            else
            {
                var produced = _phonemizer.Phonemize(text!);
                transcript = new PhonemizedTranscript(native ? produced : XSampaParser.Parse(produced.ToXSampa(), _model.Inventory), []);
            }
        }
        else
        {
            transcript = TranscriptWords.FromPhonemes(XSampaParser.Parse(xsampa!, _model.Inventory));
        }

        var ids = Array.ConvertAll(transcript.Sequence.ToIds(), id => (long)id);
        return new PhoneticInput(ids, transcript.Sequence.ToXSampa()) { Words = words ? transcript.Words : null };
    }

    /// <summary>
    /// Checks a transcript or phoneme string against <see cref="Limits"/> and the model and turns it into phoneme ids.
    /// </summary>
    /// <param name="field">Names the input in messages (e.g. "transcript", "candidates[2]").</param>
    /// <exception cref="ScoringInputException">Empty, too long, unknown phonemes, nothing to say, or more phonemes than the model takes.</exception>
    public PhoneticInput PreparePhonemes(string? value, bool isPhonemes, string field, bool words = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ScoringInputException($"'{field}' is empty");
        }

        if (value.Length > Limits.MaxTranscriptCharacters)
        {
            throw new ScoringInputException($"'{field}' has {value.Length} characters; the limit is {Limits.MaxTranscriptCharacters}");
        }

        PhoneticInput input;
        try
        {
            input = isPhonemes ? Phonemes(null, value, words) : Phonemes(value, null, words);
        }
        catch (PhonemeInputException e)
        {
            throw new ScoringInputException($"'{field}': {e.Message}", e);
        }

        var max = _model.Manifest.Architecture.MaxPositions;
        if (input.Length > max)
        {
            throw new ScoringInputException($"'{field}' gives {input.Length} phonemes; this model takes at most {max}");
        }

        return input;
    }

    private void CheckDuration(double seconds, string field)
    {
        if (seconds * 1000 < Limits.MinAudioMilliseconds)
        {
            throw new ScoringInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"'{field}' is {seconds * 1000:0.#} ms long; the shortest clip scored is {Limits.MinAudioMilliseconds} ms"));
        }

        if (seconds > Limits.MaxAudioSeconds)
        {
            throw new ScoringInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"'{field}' is {seconds:0.##} s long; the longest clip scored is {Limits.MaxAudioSeconds:0.##} s"));
        }
    }
}
