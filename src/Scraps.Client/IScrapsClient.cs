namespace Scraps.Client;

/// <summary>
/// The SCRAPS scoring service's HTTP API v1, typed. Register with
/// <see cref="ScrapsClientServiceCollectionExtensions.AddScrapsClient"/> and resolve from DI. Every call goes
/// through the resilience pipeline; an error answer ends as a <see cref="ScrapsApiException"/> carrying the
/// service's problem details, an open circuit as Polly's <c>BrokenCircuitException</c>, and a call past
/// <see cref="ScrapsClientOptions.TotalTimeout"/> as Polly's <c>TimeoutRejectedException</c>.
/// </summary>
public interface IScrapsClient
{
    /// <summary><c>POST /v1/score</c>: one clip against a transcript or phonemes.</summary>
    Task<ScoreResponse> ScoreAsync(ScoreRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /v1/score?words=true</c>: the score with every word of the transcript, its span, confidence and match
    /// (which words does the audio not support?). Needs a model with the CTC head (else a 422).
    /// </summary>
    Task<ScoreResponse> ScoreWithWordsAsync(ScoreRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v1/rank</c>: one clip against candidate transcripts or pronunciations, best first.</summary>
    Task<RankResponse> RankAsync(RankRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v1/score/matrix</c>: N clips against M transcripts or phoneme strings.</summary>
    Task<ScoreMatrixResponse> ScoreMatrixAsync(ScoreMatrixRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v1/embed/acoustic</c>: a clip's SCRAPS vector, and with <paramref name="sequence"/> the per-step outputs.</summary>
    Task<AcousticEmbeddingResponse> EmbedAcousticAsync(AcousticEmbeddingRequest request, bool sequence = false, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v1/embed/phonetic</c>: a transcript's (or phonemes') SCRAPS vector, and with <paramref name="sequence"/> the per-step outputs.</summary>
    Task<PhoneticEmbeddingResponse> EmbedPhoneticAsync(PhoneticEmbeddingRequest request, bool sequence = false, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v1/compare</c>: a clip against a reference clip, and optionally against a transcript.</summary>
    Task<CompareResponse> CompareAsync(CompareRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/model</c>: the loaded model and the input limits.</summary>
    Task<ModelResponse> GetModelAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /health/live</c>: whether the process answers. Never retried.</summary>
    Task<HealthResponse> GetLivenessAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /health/ready</c>: whether the model is loaded. Never retried: while the service is not ready this
    /// throws a <see cref="ScrapsApiException"/> with status 503 and the reason in its detail.
    /// </summary>
    Task<HealthResponse> GetReadinessAsync(CancellationToken cancellationToken = default);
}
