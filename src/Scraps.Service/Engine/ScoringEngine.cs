using System.Globalization;
using Scraps.Audio;
using Scraps.Inference.Batching;
using Scraps.Inference.Encoders;
using Scraps.Inference.Scoring;
using Scraps.Phonetics;
using Scraps.Service.Api.Requests;
using Scraps.Service.Configuration;
using Scraps.Service.Errors;

namespace Scraps.Service.Engine;

/// <summary>
/// The served model behind its two dynamic batchers: checks and prepares request inputs on the caller's thread
/// (decode, log-mel, phonemes), then encodes them in shared batches.
/// </summary>
internal sealed class ScoringEngine : IAsyncDisposable
{
    private readonly RequestLimitsOptions _limits;
    private readonly TimeSpan _decodeGuard;

    public ScoringEngine(
        LoadedModel model,
        BatchingOptions batching,
        RequestLimitsOptions limits,
        BatchWorkerPool workers,
        IBatchExecutionGuard guard,
        BatchingMetrics metrics,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        Model = model;
        _limits = limits;
        var architecture = model.Manifest.Architecture;
        var frontEnd = model.Manifest.FrontEnd;
        MaxPhonemes = architecture.MaxPositions;
        var modelSeconds = (double)(architecture.MaxAcousticFrames - 1) * frontEnd.Hop / frontEnd.SampleRate;
        MaxAudioSeconds = Math.Min(limits.MaxAudioSeconds, modelSeconds);

        // Decoding stops well past the limit, so that an over-long clip gets a precise 422 while a decompression
        // bomb still cannot take the memory.
        _decodeGuard = TimeSpan.FromSeconds(Math.Max(60, 10 * MaxAudioSeconds));
        var logger = loggerFactory.CreateLogger<ScoringEngine>();
        Acoustic = new DynamicBatcher<LogMel, EncoderOutput>(
            "acoustic", model.Acoustic, batching.AcousticLimits, workers, guard, metrics, timeProvider, logger);
        Phonetic = new DynamicBatcher<long[], EncoderOutput>(
            "phonetic", model.Phonetic, batching.PhoneticLimits, workers, guard, metrics, timeProvider, logger);
    }

    public LoadedModel Model { get; }

    public DynamicBatcher<LogMel, EncoderOutput> Acoustic { get; }

    public DynamicBatcher<long[], EncoderOutput> Phonetic { get; }

    /// <summary>The longest clip accepted: the configured limit or the model's positional table, whichever is shorter.</summary>
    public double MaxAudioSeconds { get; }

    /// <summary>The longest phoneme sequence the model takes.</summary>
    public int MaxPhonemes { get; }

    /// <summary>Decodes and checks a clip and computes its standardised features.</summary>
    /// <exception cref="AudioFormatException">Not audio we can decode.</exception>
    /// <exception cref="UnscorableInputException">Too short or too long.</exception>
    public PreparedClip PrepareAudio(AudioPart audio)
    {
        var clip = AudioDecoder.Decode(audio.Bytes, _decodeGuard);
        var seconds = clip.Duration.TotalSeconds;
        if (seconds * 1000 < _limits.MinAudioMilliseconds)
        {
            throw new UnscorableInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"'{audio.Field}' is {seconds * 1000:0.#} ms long; the shortest clip scored is {_limits.MinAudioMilliseconds} ms"));
        }

        if (seconds > MaxAudioSeconds)
        {
            throw new UnscorableInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"'{audio.Field}' is {seconds:0.##} s long; the longest clip scored is {MaxAudioSeconds:0.##} s"));
        }

        var features = Model.Scorer.FeaturesFromSamples(AudioFrontEnd.ToMono16k(clip));
        return new PreparedClip(features, seconds);
    }

    /// <summary>Checks a transcript or phoneme string and turns it into the model's phoneme ids.</summary>
    /// <exception cref="UnscorableInputException">Empty, too long, unknown phonemes, no phonemes, or more than the model takes.</exception>
    public PhoneticInput PreparePhonemes(TextInput text)
    {
        if (string.IsNullOrWhiteSpace(text.Value))
        {
            throw new UnscorableInputException($"'{text.Field}' is empty");
        }

        if (text.Value.Length > _limits.MaxTranscriptCharacters)
        {
            throw new UnscorableInputException(
                $"'{text.Field}' has {text.Value.Length} characters; the limit is {_limits.MaxTranscriptCharacters}");
        }

        PhoneticInput input;
        try
        {
            input = text.IsPhonemes ? Model.Scorer.Phonemes(null, text.Value) : Model.Scorer.Phonemes(text.Value, null);
        }
        catch (PhonemeInputException e)
        {
            throw new UnscorableInputException($"'{text.Field}': {e.Message}");
        }

        if (input.Length > MaxPhonemes)
        {
            throw new UnscorableInputException($"'{text.Field}' gives {input.Length} phonemes; this model takes at most {MaxPhonemes}");
        }

        return input;
    }

    public Task<EncoderOutput> EncodeAsync(PreparedClip clip, bool withSequence, CancellationToken cancellationToken) =>
        Acoustic.EnqueueAsync(clip.Features, withSequence, cancellationToken);

    public Task<EncoderOutput> EncodeAsync(PhoneticInput phonemes, bool withSequence, CancellationToken cancellationToken) =>
        Phonetic.EnqueueAsync(phonemes.Ids, withSequence, cancellationToken);

    /// <summary>
    /// Encodes every clip and phoneme sequence of one request in the shared batches. When one of them fails (queue
    /// full, batch error) or the caller gives up, the others are cancelled, so queued ones are never computed.
    /// </summary>
    public async Task<(EncoderOutput[] Clips, EncoderOutput[] Phonemes)> EncodeAllAsync(
        IReadOnlyList<PreparedClip> clips, IReadOnlyList<PhoneticInput> phonemes, bool withSequence, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = new List<Task<EncoderOutput>>(clips.Count + phonemes.Count);
        try
        {
            foreach (var clip in clips)
            {
                tasks.Add(EncodeAsync(clip, withSequence, linked.Token));
            }

            foreach (var sequence in phonemes)
            {
                tasks.Add(EncodeAsync(sequence, withSequence, linked.Token));
            }

            var pending = new HashSet<Task<EncoderOutput>>(tasks);
            while (pending.Count > 0)
            {
                var done = await Task.WhenAny(pending).ConfigureAwait(false);
                pending.Remove(done);
                await done.ConfigureAwait(false);
            }
        }
        catch
        {
            await linked.CancelAsync().ConfigureAwait(false);
            throw;
        }

        var outputs = tasks.Select(t => t.Result).ToArray();
        return (outputs[..clips.Count], outputs[clips.Count..]);
    }

    /// <summary>Score, probability and decision of one acoustic vector against one phonetic vector.</summary>
    public PairScore Score(EncoderOutput acoustic, EncoderOutput phonetic) =>
        Model.Scorer.ScoreVectors(acoustic.Embedding, phonetic.Embedding);

    /// <summary>Stops admitting and finishes every admitted request.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(Acoustic.StopAsync(cancellationToken), Phonetic.StopAsync(cancellationToken)).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        Model.Dispose();
    }
}
