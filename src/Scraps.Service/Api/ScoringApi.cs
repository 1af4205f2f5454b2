using Scraps.Service.Admission;
using Microsoft.AspNetCore.Http.HttpResults;
using Scraps.Inference.Scoring;
using Scraps.Service.Api.Contracts;
using Scraps.Service.Api.Requests;
using Scraps.Service.Hosting;
using Scraps.Service.OpenApi;

namespace Scraps.Service.Api;

/// <summary>POST /v1/score, /v1/rank, /v1/score/matrix and /v1/compare: request mapping around <see cref="ScrapsScorer"/>.</summary>
internal static class ScoringApi
{
    public static RouteGroupBuilder MapScoringApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/score", ScoreAsync)
            .WithName("Score")
            .WithTags("Scoring")
            .WithSummary("Score one clip against a transcript or phonemes")
            .WithDescription("Returns the raw SCRAPS score (dot product of the acoustic and phonetic vectors), the calibrated match probability and the decision at the model's threshold; with a model that has the CTC head, also the alignment score, and with words=true every word of the transcript with its time span, confidence and match (which words does the audio not support?). Send JSON with base64 audio, or multipart/form-data with an 'audio' file part.")
            .AcceptsAudioRequest<ScoreRequest, ScoreForm>()
            .ProducesInputProblems()
            .RequireRateLimiting(AdmissionPolicy.Name);

        v1.MapPost("/rank", RankAsync)
            .WithName("Rank")
            .WithTags("Scoring")
            .WithSummary("Rank candidate transcripts (or pronunciations) for one clip")
            .WithDescription("Scores the clip against every candidate (e.g. an ASR n-best list, or pronunciation variants as X-SAMPA) and returns them best first with score, probability and alignment score. Multipart: one 'audio' file part and the candidates as repeated 'transcript' (or 'phonemes') fields.")
            .AcceptsAudioRequest<RankRequest, RankForm>()
            .ProducesInputProblems()
            .RequireRateLimiting(AdmissionPolicy.Name);

        v1.MapPost("/score/matrix", ScoreMatrixAsync)
            .WithName("ScoreMatrix")
            .WithTags("Scoring")
            .WithSummary("Score N clips against M transcripts")
            .WithDescription("Returns the N×M raw scores with the softmax of each row (which transcript fits each clip) and of each column (which clip fits each transcript). Multipart: repeat the 'audio' file part and the 'transcript' (or 'phonemes') field; order is kept.")
            .AcceptsAudioRequest<ScoreMatrixRequest, ScoreMatrixForm>()
            .ProducesInputProblems()
            .RequireRateLimiting(AdmissionPolicy.Name);

        v1.MapPost("/compare", CompareAsync)
            .WithName("Compare")
            .WithTags("Scoring")
            .WithSummary("Compare a clip with a reference clip (text-less intelligibility)")
            .WithDescription("SCRAPS(audio, reference) and the cosine of the two acoustic vectors (paper, section 4.8: voice-conversion output against its source), plus SCRAPS(audio, transcript) when a transcript or phonemes are given.")
            .AcceptsAudioRequest<CompareRequest, CompareForm>()
            .ProducesInputProblems()
            .RequireRateLimiting(AdmissionPolicy.Name);

        return v1;
    }

    /// <param name="words">Add every word of the transcript with its time span, confidence and match (needs a model with the CTC head).</param>
    private static async Task<Ok<ScoreResponse>> ScoreAsync(
        HttpRequest request, EngineHost host, ApiRequestReader reader, CancellationToken cancellationToken, bool words = false)
    {
        var engine = host.Engine!;
        var input = await reader.ReadScoreAsync(request, cancellationToken);
        var clip = engine.PrepareClip(input.Audio);
        var phonemes = engine.PreparePhonemes(input.Text, words);
        var score = await engine.Scorer.ScoreAsync(clip.Features, phonemes, words, cancellationToken);
        return TypedResults.Ok(new ScoreResponse
        {
            Score = score.Score,
            Probability = score.Probability,
            Match = score.Match,
            AlignmentScore = score.AlignmentScore,
            Words = score.Words?.Select(w => new WordResult
            {
                Word = w.Word,
                Phonemes = w.Phonemes,
                Start = w.Start,
                End = w.End,
                Confidence = w.Confidence,
                Match = w.Match,
            }).ToArray(),
            Phonemes = phonemes.XSampa,
            AudioSeconds = clip.Seconds,
            Warnings = Warnings(clip),
            Model = engine.Model.Id,
        });
    }

    private static async Task<Ok<RankResponse>> RankAsync(
        HttpRequest request, EngineHost host, ApiRequestReader reader, CancellationToken cancellationToken)
    {
        var engine = host.Engine!;
        var input = await reader.ReadRankAsync(request, cancellationToken);
        var clip = engine.PrepareClip(input.Audio);
        var candidates = input.Candidates.Select(c => engine.PreparePhonemes(c)).ToArray();
        var ranked = await engine.Scorer.RankAsync(clip.Features, candidates, cancellationToken);
        return TypedResults.Ok(new RankResponse
        {
            Candidates = ranked.Select(r => new Contracts.RankedCandidate
            {
                Index = r.Index,
                Candidate = input.Candidates[r.Index].Value,
                Phonemes = r.Phonemes.XSampa,
                Score = r.Score.Score,
                Probability = r.Score.Probability,
                Match = r.Score.Match,
                AlignmentScore = r.Score.AlignmentScore,
            }).ToArray(),
            AudioSeconds = clip.Seconds,
            Warnings = Warnings(clip),
            Model = engine.Model.Id,
        });
    }

    private static async Task<Ok<ScoreMatrixResponse>> ScoreMatrixAsync(
        HttpRequest request, EngineHost host, ApiRequestReader reader, CancellationToken cancellationToken)
    {
        var engine = host.Engine!;
        var input = await reader.ReadScoreMatrixAsync(request, cancellationToken);
        var clips = input.Audios.Select(engine.PrepareClip).ToArray();
        var phonemes = input.Texts.Select(t => engine.PreparePhonemes(t)).ToArray();
        var matrix = await engine.Scorer.ScoreMatrixAsync(clips.Select(c => c.Features).ToArray(), phonemes, cancellationToken);
        return TypedResults.Ok(new ScoreMatrixResponse
        {
            Scores = matrix.Scores,
            RowSoftmax = matrix.RowSoftmax,
            ColumnSoftmax = matrix.ColumnSoftmax,
            Phonemes = phonemes.Select(p => p.XSampa).ToArray(),
            AudioSeconds = clips.Select(c => c.Seconds).ToArray(),
            Warnings = Warnings(clips),
            Model = engine.Model.Id,
        });
    }

    private static async Task<Ok<CompareResponse>> CompareAsync(
        HttpRequest request, EngineHost host, ApiRequestReader reader, CancellationToken cancellationToken)
    {
        var engine = host.Engine!;
        var input = await reader.ReadCompareAsync(request, cancellationToken);
        var clip = engine.PrepareClip(input.Audio);
        var reference = engine.PrepareClip(input.Reference);
        var phonemes = input.Text is null ? null : engine.PreparePhonemes(input.Text);
        var comparison = await engine.Scorer.CompareAsync(clip.Features, reference.Features, phonemes, cancellationToken);
        var text = comparison.TextScore;
        return TypedResults.Ok(new CompareResponse
        {
            Score = comparison.Score,
            Cosine = comparison.Cosine,
            Transcript = text is null || phonemes is null
                ? null
                : new ScoreDetail { Score = text.Score, Probability = text.Probability, Match = text.Match, Phonemes = phonemes.XSampa },
            AudioSeconds = clip.Seconds,
            ReferenceSeconds = reference.Seconds,
            Warnings = Warnings(clip, reference),
            Model = engine.Model.Id,
        });
    }

    /// <summary>The clips' repair warnings, or null when there are none (the field is then left out).</summary>
    internal static IReadOnlyList<string>? Warnings(params IReadOnlyList<PreparedClip> clips)
    {
        var warnings = clips.SelectMany(c => c.Warnings).ToArray();
        return warnings.Length == 0 ? null : warnings;
    }
}
