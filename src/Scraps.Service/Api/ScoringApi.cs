using Microsoft.AspNetCore.Http.HttpResults;
using Scraps.Inference.Scoring;
using Scraps.Service.Api.Contracts;
using Scraps.Service.Api.Requests;
using Scraps.Service.Engine;
using Scraps.Service.Hosting;
using Scraps.Service.OpenApi;

namespace Scraps.Service.Api;

/// <summary>POST /v1/score, /v1/score/matrix and /v1/compare.</summary>
internal static class ScoringApi
{
    public static RouteGroupBuilder MapScoringApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/score", ScoreAsync)
            .WithName("Score")
            .WithTags("Scoring")
            .WithSummary("Score one clip against a transcript or phonemes")
            .WithDescription("Returns the raw SCRAPS score (dot product of the acoustic and phonetic vectors), the calibrated match probability and the decision at the model's threshold. Send JSON with base64 audio, or multipart/form-data with an 'audio' file part.")
            .AcceptsAudioRequest<ScoreRequest, ScoreForm>()
            .ProducesInputProblems();

        v1.MapPost("/score/matrix", ScoreMatrixAsync)
            .WithName("ScoreMatrix")
            .WithTags("Scoring")
            .WithSummary("Score N clips against M transcripts")
            .WithDescription("Returns the N×M raw scores with the softmax of each row (which transcript fits each clip) and of each column (which clip fits each transcript). Multipart: repeat the 'audio' file part and the 'transcript' (or 'phonemes') field; order is kept.")
            .AcceptsAudioRequest<ScoreMatrixRequest, ScoreMatrixForm>()
            .ProducesInputProblems();

        v1.MapPost("/compare", CompareAsync)
            .WithName("Compare")
            .WithTags("Scoring")
            .WithSummary("Compare a clip with a reference clip (text-less intelligibility)")
            .WithDescription("SCRAPS(audio, reference) and the cosine of the two acoustic vectors (paper, section 4.8: voice-conversion output against its source), plus SCRAPS(audio, transcript) when a transcript or phonemes are given.")
            .AcceptsAudioRequest<CompareRequest, CompareForm>()
            .ProducesInputProblems();

        return v1;
    }

    private static async Task<Ok<ScoreResponse>> ScoreAsync(
        HttpRequest request, EngineHost host, ApiRequestReader reader, CancellationToken cancellationToken)
    {
        var engine = host.Engine!;
        var input = await reader.ReadScoreAsync(request, cancellationToken);
        var clip = engine.PrepareAudio(input.Audio);
        var phonemes = engine.PreparePhonemes(input.Text);
        var (clips, sequences) = await engine.EncodeAllAsync([clip], [phonemes], withSequence: false, cancellationToken);
        var score = engine.Score(clips[0], sequences[0]);
        return TypedResults.Ok(new ScoreResponse
        {
            Score = score.Score,
            Probability = score.Probability,
            Match = score.Match,
            Phonemes = phonemes.XSampa,
            AudioSeconds = clip.Seconds,
            Model = engine.Model.Id,
        });
    }

    private static async Task<Ok<ScoreMatrixResponse>> ScoreMatrixAsync(
        HttpRequest request, EngineHost host, ApiRequestReader reader, CancellationToken cancellationToken)
    {
        var engine = host.Engine!;
        var input = await reader.ReadScoreMatrixAsync(request, cancellationToken);
        var clips = input.Audios.Select(engine.PrepareAudio).ToArray();
        var phonemes = input.Texts.Select(engine.PreparePhonemes).ToArray();
        var (acoustic, phonetic) = await engine.EncodeAllAsync(clips, phonemes, withSequence: false, cancellationToken);
        var scores = acoustic.Select(a => phonetic.Select(t => engine.Score(a, t).Score).ToArray()).ToArray();
        return TypedResults.Ok(new ScoreMatrixResponse
        {
            Scores = scores,
            RowSoftmax = VectorMath.RowSoftmax(scores),
            ColumnSoftmax = VectorMath.ColumnSoftmax(scores),
            Phonemes = phonemes.Select(p => p.XSampa).ToArray(),
            AudioSeconds = clips.Select(c => c.Seconds).ToArray(),
            Model = engine.Model.Id,
        });
    }

    private static async Task<Ok<CompareResponse>> CompareAsync(
        HttpRequest request, EngineHost host, ApiRequestReader reader, CancellationToken cancellationToken)
    {
        var engine = host.Engine!;
        var input = await reader.ReadCompareAsync(request, cancellationToken);
        var clip = engine.PrepareAudio(input.Audio);
        var reference = engine.PrepareAudio(input.Reference);
        var phonemes = input.Text is null ? null : engine.PreparePhonemes(input.Text);
        var (acoustic, phonetic) = await engine.EncodeAllAsync(
            [clip, reference], phonemes is null ? [] : [phonemes], withSequence: false, cancellationToken);

        ScoreDetail? transcript = null;
        if (phonemes is not null)
        {
            var score = engine.Score(acoustic[0], phonetic[0]);
            transcript = new ScoreDetail { Score = score.Score, Probability = score.Probability, Match = score.Match, Phonemes = phonemes.XSampa };
        }

        return TypedResults.Ok(new CompareResponse
        {
            Score = VectorMath.Dot(acoustic[0].Embedding, acoustic[1].Embedding),
            Cosine = VectorMath.Cosine(acoustic[0].Embedding, acoustic[1].Embedding),
            Transcript = transcript,
            AudioSeconds = clip.Seconds,
            ReferenceSeconds = reference.Seconds,
            Model = engine.Model.Id,
        });
    }
}
