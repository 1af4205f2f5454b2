using Scraps.Inference.Batching;
using Scraps.Inference.Encoders;
using Scraps.Inference.Scoring;
using Scraps.Service.Configuration;
using Scraps.Service.Telemetry;

namespace Scraps.Service.Engine;

/// <summary>
/// The served model's facade, one method per operation: prepare the request's inputs on the caller's thread (decode,
/// log-mel, phonemes; errors name the request field), then run the operation through <see cref="ScrapsScorer"/>, whose
/// encodings go to the <see cref="BatchedEncoders"/> backend. Request path: handler -> this facade -> the scorer ->
/// the batchers -> ONNX Runtime; nothing calls back up.
/// </summary>
internal sealed class ScoringEngine : IAsyncDisposable
{
    private readonly FrontEndMetrics _frontEnd;
    private readonly TimeProvider _time;

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
        _frontEnd = frontEnd;
        _time = timeProvider;
        Encoders = new BatchedEncoders(model, batching, guard, metrics, timeProvider, loggerFactory.CreateLogger<ScoringEngine>());
        Scorer = new ScrapsScorer(model.Package, model.Phonemizer, Encoders, new ScoringLimits
        {
            MinAudioMilliseconds = limits.MinAudioMilliseconds,
            MaxAudioSeconds = limits.MaxAudioSeconds,
            MaxTranscriptCharacters = limits.MaxTranscriptCharacters,
        });
    }

    public LoadedModel Model { get; }

    /// <summary>The batchers the operations' encodings go through (queue depths and stopping).</summary>
    public BatchedEncoders Encoders { get; }

    /// <summary>Every scoring operation on plain inputs (limits, warm-up features).</summary>
    public ScrapsScorer Scorer { get; }

    public async Task<ScoreOutcome> ScoreAsync(ScoreInput input, bool words, VerdictOptions verdict, CancellationToken cancellationToken)
    {
        var clip = PrepareClip(input.Audio);
        var phonemes = PreparePhonemes(input.Text, words);
        return new ScoreOutcome(await Scorer.ScoreAsync(clip.Features, phonemes, words, cancellationToken, verdict).ConfigureAwait(false), clip, phonemes);
    }

    public async Task<RankOutcome> RankAsync(RankInput input, CancellationToken cancellationToken)
    {
        var clip = PrepareClip(input.Audio);
        var candidates = input.Candidates.Select(c => PreparePhonemes(c)).ToArray();
        return new RankOutcome(await Scorer.RankAsync(clip.Features, candidates, cancellationToken).ConfigureAwait(false), clip);
    }

    public async Task<MatrixOutcome> ScoreMatrixAsync(ScoreMatrixInput input, CancellationToken cancellationToken)
    {
        var clips = input.Audios.Select(PrepareClip).ToArray();
        var phonemes = input.Texts.Select(t => PreparePhonemes(t)).ToArray();
        var matrix = await Scorer.ScoreMatrixAsync(clips.Select(c => c.Features).ToArray(), phonemes, cancellationToken).ConfigureAwait(false);
        return new MatrixOutcome(matrix, clips, phonemes);
    }

    public async Task<CompareOutcome> CompareAsync(CompareInput input, CancellationToken cancellationToken)
    {
        var clip = PrepareClip(input.Audio);
        var reference = PrepareClip(input.Reference);
        var phonemes = input.Text is null ? null : PreparePhonemes(input.Text);
        var comparison = await Scorer.CompareAsync(clip.Features, reference.Features, phonemes, cancellationToken).ConfigureAwait(false);
        return new CompareOutcome(comparison, clip, reference, phonemes);
    }

    public async Task<AcousticEmbeddingOutcome> EmbedAcousticAsync(AudioPart audio, bool sequence, CancellationToken cancellationToken)
    {
        var clip = PrepareClip(audio);
        return new AcousticEmbeddingOutcome((await Scorer.EmbedAcousticAsync([clip.Features], sequence, cancellationToken).ConfigureAwait(false))[0], clip);
    }

    public async Task<PhoneticEmbeddingOutcome> EmbedPhoneticAsync(TextInput text, bool sequence, CancellationToken cancellationToken)
    {
        var phonemes = PreparePhonemes(text);
        return new PhoneticEmbeddingOutcome((await Scorer.EmbedPhoneticAsync([phonemes], sequence, cancellationToken).ConfigureAwait(false))[0], phonemes);
    }

    /// <summary>One short clip and one phoneme sequence through the batchers: first-run costs are paid before traffic.</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var rate = Model.Manifest.FrontEnd.SampleRate;
        var samples = new float[rate];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = 0.1f * MathF.Sin(2 * MathF.PI * 220 * i / rate);
        }

        var symbols = Model.Manifest.Phonemes.Symbols.Where(s => s.Id > 0).Take(8).ToArray();
        var acoustic = EncoderOutputs.Sequence | (Scorer.HasAlignment ? EncoderOutputs.PhoneLogProbs : EncoderOutputs.Embedding);
        return Encoders.EncodeAsync(
            new EncodeRequest([Scorer.Inputs.FeaturesFromSamples(samples)], acoustic, [symbols.Select(s => (long)s.Id).ToArray()], EncoderOutputs.Sequence),
            cancellationToken);
    }

    /// <summary>Stops admitting and finishes every admitted request.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => Encoders.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Encoders.DisposeAsync().ConfigureAwait(false);
        Model.Dispose();
    }

    /// <summary>A request's clip, decoded and checked (errors name the request field); its front-end time is measured.</summary>
    private PreparedClip PrepareClip(AudioPart audio)
    {
        var started = _time.GetTimestamp();
        var outcome = "error";
        try
        {
            var clip = Scorer.Inputs.PrepareClip(audio.Bytes, audio.Field);
            outcome = "ok";
            return clip;
        }
        finally
        {
            _frontEnd.Record(_time.GetElapsedTime(started), outcome);
        }
    }

    private PhoneticInput PreparePhonemes(TextInput text, bool words = false) => Scorer.Inputs.PreparePhonemes(text.Value, text.IsPhonemes, text.Field, words);
}
