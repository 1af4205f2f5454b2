using Scraps.Inference.Scoring;
using Scraps.Service.Engine;
using Scraps.Service.Hosting;

namespace Scraps.Service.Api;

/// <summary>
/// What a v1 handler needs, bound as one parameter (<c>[AsParameters]</c>): the request, its reader, and the engine the
/// request was admitted to. Each operation is one call here (read the body, run the engine's operation); the handler
/// only maps the outcome to its response.
/// </summary>
internal readonly record struct V1Call(HttpRequest Request, ApiRequestReader Reader)
{
    /// <summary>The engine the admission filter admitted this request to (never missing behind /v1).</summary>
    public ScoringEngine Engine => AdmittedEngine.Of(Request.HttpContext);

    /// <summary>"name@version" of the model that answers.</summary>
    public string ModelId => Engine.Model.Id;

    public async Task<ScoreOutcome> ScoreAsync(BodyKinds accepted, bool words, VerdictOptions verdict, CancellationToken cancellationToken) =>
        await Engine.ScoreAsync(await Reader.ReadScoreAsync(Request, accepted, cancellationToken), words, verdict, cancellationToken);

    public async Task<(RankOutcome Outcome, RankInput Input)> RankAsync(BodyKinds accepted, CancellationToken cancellationToken)
    {
        var input = await Reader.ReadRankAsync(Request, accepted, cancellationToken);
        return (await Engine.RankAsync(input, cancellationToken), input);
    }

    public async Task<MatrixOutcome> ScoreMatrixAsync(BodyKinds accepted, CancellationToken cancellationToken) =>
        await Engine.ScoreMatrixAsync(await Reader.ReadScoreMatrixAsync(Request, accepted, cancellationToken), cancellationToken);

    public async Task<CompareOutcome> CompareAsync(BodyKinds accepted, CancellationToken cancellationToken) =>
        await Engine.CompareAsync(await Reader.ReadCompareAsync(Request, accepted, cancellationToken), cancellationToken);

    public async Task<AcousticEmbeddingOutcome> EmbedAcousticAsync(BodyKinds accepted, bool sequence, CancellationToken cancellationToken) =>
        await Engine.EmbedAcousticAsync(await Reader.ReadAcousticEmbeddingAsync(Request, accepted, cancellationToken), sequence, cancellationToken);

    public async Task<PhoneticEmbeddingOutcome> EmbedPhoneticAsync(bool sequence, CancellationToken cancellationToken) =>
        await Engine.EmbedPhoneticAsync(await Reader.ReadPhoneticEmbeddingAsync(Request, cancellationToken), sequence, cancellationToken);
}
