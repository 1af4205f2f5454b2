using Scraps.Audio;
using Scraps.Inference.Batching;
using Scraps.Inference.Encoders;
using Scraps.Inference.Scoring;
using Scraps.Service.Configuration;
using Scraps.Service.Telemetry;

namespace Scraps.Service.Engine;

/// <summary>
/// The served model behind its two dynamic batchers: the <see cref="ScrapsScorer"/> facade (every scoring operation)
/// runs its encodings here, so that concurrent requests share graph runs. Inputs are prepared on the caller's thread
/// (decode, log-mel, phonemes) by the facade before anything is queued.
/// </summary>
internal sealed class ScoringEngine : IScrapsEncoders, IAsyncDisposable
{
    public ScoringEngine(
        LoadedModel model,
        ResolvedBatching batching,
        RequestLimitsOptions limits,
        IBatchExecutionGuard guard,
        BatchingMetrics metrics,
        FrontEndMetrics frontEnd,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        Model = model;
        // The engine owns its workers: their number depends on the provider, known only after loading.
        var workers = _workers = new BatchWorkerPool(batching.Workers);
        _frontEnd = frontEnd;
        _time = timeProvider;
        var logger = loggerFactory.CreateLogger<ScoringEngine>();
        Acoustic = new DynamicBatcher<LogMel, EncoderOutput>(
            "acoustic", model.Acoustic, batching.AcousticLimits, workers, guard, metrics, timeProvider, logger);
        Phonetic = new DynamicBatcher<long[], EncoderOutput>(
            "phonetic", model.Phonetic, batching.PhoneticLimits, workers, guard, metrics, timeProvider, logger);
        Scorer = new ScrapsScorer(model.Package, model.Phonemizer, this, new ScoringLimits
        {
            MinAudioMilliseconds = limits.MinAudioMilliseconds,
            MaxAudioSeconds = limits.MaxAudioSeconds,
            MaxTranscriptCharacters = limits.MaxTranscriptCharacters,
        });
    }

    private readonly BatchWorkerPool _workers;
    private readonly FrontEndMetrics _frontEnd;
    private readonly TimeProvider _time;

    public LoadedModel Model { get; }

    /// <summary>Every scoring operation, over this engine's batchers.</summary>
    public ScrapsScorer Scorer { get; }

    public DynamicBatcher<LogMel, EncoderOutput> Acoustic { get; }

    public DynamicBatcher<long[], EncoderOutput> Phonetic { get; }

    /// <summary>A request's clip, decoded and checked by the facade (errors name the request field).</summary>
    public PreparedClip PrepareClip(Api.Requests.AudioPart audio)
    {
        var started = _time.GetTimestamp();
        var outcome = "error";
        try
        {
            var clip = Scorer.PrepareClip(audio.Bytes, audio.Field);
            outcome = "ok";
            return clip;
        }
        finally
        {
            _frontEnd.Record(_time.GetElapsedTime(started), outcome);
        }
    }

    /// <summary>A request's transcript or phoneme string, checked and phonemised by the facade.</summary>
    public PhoneticInput PreparePhonemes(Api.Requests.TextInput text, bool words = false) =>
        Scorer.PreparePhonemes(text.Value, text.IsPhonemes, text.Field, words);

    public Task<EncoderOutput[]> EncodeAcousticAsync(IReadOnlyList<LogMel> clips, EncoderOutputs outputs, CancellationToken cancellationToken) =>
        EnqueueAllAsync(Acoustic, clips, outputs, cancellationToken);

    public Task<EncoderOutput[]> EncodePhoneticAsync(IReadOnlyList<long[]> phonemes, EncoderOutputs outputs, CancellationToken cancellationToken) =>
        EnqueueAllAsync(Phonetic, phonemes, outputs, cancellationToken);

    /// <summary>Stops admitting and finishes every admitted request.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(Acoustic.StopAsync(cancellationToken), Phonetic.StopAsync(cancellationToken)).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        Model.Dispose();
        _workers.Dispose();
    }

    /// <summary>
    /// Queues every item of one request in the shared batches. When one of them fails (queue full, batch error) or the
    /// caller gives up, the others are cancelled, so queued ones are never computed.
    /// </summary>
    private static async Task<EncoderOutput[]> EnqueueAllAsync<TInput>(
        DynamicBatcher<TInput, EncoderOutput> batcher, IReadOnlyList<TInput> items, EncoderOutputs outputs, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = new List<Task<EncoderOutput>>(items.Count);
        try
        {
            foreach (var item in items)
            {
                tasks.Add(batcher.EnqueueAsync(item, outputs, linked.Token));
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

        return tasks.Select(t => t.Result).ToArray();
    }
}
