using Scraps.Audio;
using Scraps.Inference.Batching;
using Scraps.Inference.Encoders;
using Scraps.Inference.Scoring;

namespace Scraps.Service.Engine;

/// <summary>
/// The backend of the served model, text-embeddings-inference's queue/batcher layer: one dynamic batcher per encoder
/// over a shared worker pool, so that concurrent requests share graph runs. An operation's items (both sides) are
/// queued together; when one fails (queue full, batch error) or the caller gives up, every other item of that
/// operation is cancelled, so queued work is never computed for an answer nobody will get.
/// </summary>
internal sealed class BatchedEncoders : IScrapsEncoders, IAsyncDisposable
{
    private readonly BatchWorkerPool _workers;

    public BatchedEncoders(LoadedModel model, ResolvedBatching batching, IBatchExecutionGuard guard, BatchingMetrics metrics, TimeProvider timeProvider, ILogger logger)
    {
        // The workers belong to the model: their number depends on the provider, known only after loading.
        _workers = new BatchWorkerPool(batching.Workers);
        Acoustic = new DynamicBatcher<LogMel, EncoderOutput>("acoustic", model.Acoustic, batching.AcousticLimits, _workers, guard, metrics, timeProvider, logger);
        Phonetic = new DynamicBatcher<long[], EncoderOutput>("phonetic", model.Phonetic, batching.PhoneticLimits, _workers, guard, metrics, timeProvider, logger);
    }

    public DynamicBatcher<LogMel, EncoderOutput> Acoustic { get; }

    public DynamicBatcher<long[], EncoderOutput> Phonetic { get; }

    public async Task<EncodedInputs> EncodeAsync(EncodeRequest request, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var acoustic = new List<Task<EncoderOutput>>(request.Clips.Count);
        var phonetic = new List<Task<EncoderOutput>>(request.Phonemes.Count);
        try
        {
            foreach (var clip in request.Clips)
            {
                acoustic.Add(Acoustic.EnqueueAsync(clip, request.AcousticOutputs, linked.Token));
            }

            foreach (var phonemes in request.Phonemes)
            {
                phonetic.Add(Phonetic.EnqueueAsync(phonemes, request.PhoneticOutputs, linked.Token));
            }

            var pending = new HashSet<Task<EncoderOutput>>(acoustic.Concat(phonetic));
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

        return new EncodedInputs(acoustic.Select(t => t.Result).ToArray(), phonetic.Select(t => t.Result).ToArray());
    }

    /// <summary>Stops admitting and finishes every admitted item.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => Task.WhenAll(Acoustic.StopAsync(cancellationToken), Phonetic.StopAsync(cancellationToken));

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _workers.Dispose();
    }
}
