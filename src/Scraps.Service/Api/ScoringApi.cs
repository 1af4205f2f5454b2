using Microsoft.AspNetCore.Http.HttpResults;
using Scraps.Inference.Scoring;
using Scraps.Service.Admission;
using Scraps.Service.Api.Contracts;
using Scraps.Service.Errors;
using Scraps.Service.OpenApi;
using Scraps.Service.Telemetry;

namespace Scraps.Service.Api;

/// <summary>POST /v1/score, /v1/rank, /v1/score/matrix and /v1/compare: each handler one call to its <see cref="V1Call"/>, then the response.</summary>
internal static class ScoringApi
{
    private const string MultipartNote = " This operation reads JSON with base64 audio; the same operation with the audio as file parts is POST {0}/multipart (multipart/form-data).";
    private const string JsonNote = " The audio travels as file parts; the same operation with base64 audio in JSON is POST {0}.";

    public static RouteGroupBuilder MapScoringApi(this RouteGroupBuilder v1)
    {
        const string score = "Returns the raw SCRAPS score (dot product of the acoustic and phonetic vectors), the calibrated match probability and the decision at the model's threshold; with a model that has the CTC head, also the alignment score, and with words=true every word of the transcript with its time span, confidence and match (which words does the audio not support?).";
        v1.MapPost("/score", ScoreJsonAsync)
            .WithName("Score")
            .CountedAs(ScrapsOperation.Score)
            .WithSummary("Score one clip against a transcript or phonemes")
            .WithDescription(score + string.Format(null, MultipartNote, "/v1/score"))
            .AcceptsJson<ScoreRequest>()
            .AsScoringOperation();
        v1.MapPost("/score/multipart", ScoreMultipartAsync)
            .WithName("ScoreMultipart")
            .CountedAs(ScrapsOperation.Score)
            .WithSummary("Score one clip (a file part) against a transcript or phonemes")
            .WithDescription(score + string.Format(null, JsonNote, "/v1/score"))
            .AcceptsForm<ScoreForm>()
            .AsScoringOperation();

        const string rank = "Scores the clip against every candidate (e.g. an ASR n-best list, or pronunciation variants as X-SAMPA) and returns them best first with score, probability and alignment score.";
        v1.MapPost("/rank", RankJsonAsync)
            .WithName("Rank")
            .CountedAs(ScrapsOperation.Rank)
            .WithSummary("Rank candidate transcripts (or pronunciations) for one clip")
            .WithDescription(rank + string.Format(null, MultipartNote, "/v1/rank"))
            .AcceptsJson<RankRequest>()
            .AsScoringOperation();
        v1.MapPost("/rank/multipart", RankMultipartAsync)
            .WithName("RankMultipart")
            .CountedAs(ScrapsOperation.Rank)
            .WithSummary("Rank candidate transcripts (or pronunciations) for one clip (a file part)")
            .WithDescription(rank + " The candidates are repeated 'transcript' (or 'phonemes') fields." + string.Format(null, JsonNote, "/v1/rank"))
            .AcceptsForm<RankForm>()
            .AsScoringOperation();

        const string matrix = "Returns the N×M raw scores with the softmax of each row (which transcript fits each clip) and of each column (which clip fits each transcript).";
        v1.MapPost("/score/matrix", ScoreMatrixJsonAsync)
            .WithName("ScoreMatrix")
            .CountedAs(ScrapsOperation.ScoreMatrix)
            .WithSummary("Score N clips against M transcripts")
            .WithDescription(matrix + string.Format(null, MultipartNote, "/v1/score/matrix"))
            .AcceptsJson<ScoreMatrixRequest>()
            .AsScoringOperation();
        v1.MapPost("/score/matrix/multipart", ScoreMatrixMultipartAsync)
            .WithName("ScoreMatrixMultipart")
            .CountedAs(ScrapsOperation.ScoreMatrix)
            .WithSummary("Score N clips (file parts) against M transcripts")
            .WithDescription(matrix + " Repeat the 'audio' file part and the 'transcript' (or 'phonemes') field; order is kept." + string.Format(null, JsonNote, "/v1/score/matrix"))
            .AcceptsForm<ScoreMatrixForm>()
            .AsScoringOperation();

        const string compare = "SCRAPS(audio, reference) and the cosine of the two acoustic vectors (paper, section 4.8: voice-conversion output against its source), plus SCRAPS(audio, transcript) when a transcript or phonemes are given.";
        v1.MapPost("/compare", CompareJsonAsync)
            .WithName("Compare")
            .CountedAs(ScrapsOperation.Compare)
            .WithSummary("Compare a clip with a reference clip (text-less intelligibility)")
            .WithDescription(compare + string.Format(null, MultipartNote, "/v1/compare"))
            .AcceptsJson<CompareRequest>()
            .AsScoringOperation();
        v1.MapPost("/compare/multipart", CompareMultipartAsync)
            .WithName("CompareMultipart")
            .CountedAs(ScrapsOperation.Compare)
            .WithSummary("Compare a clip with a reference clip, both file parts")
            .WithDescription(compare + string.Format(null, JsonNote, "/v1/compare"))
            .AcceptsForm<CompareForm>()
            .AsScoringOperation();

        return v1;
    }

    /// <param name="words">Add every word of the transcript with its time span, confidence and match (needs a model with the CTC head).</param>
    /// <param name="strictness">The operating point of 'match': balanced (the model's threshold), lenient (keeps more good data, accepts more near misses) or strict (catches more wrong words, rejects more good data).</param>
    /// <param name="threshold">A verdict logit threshold of your own for 'match' (wins over strictness); the probability at it is sigmoid(threshold).</param>
    private static Task<Ok<ScoreResponse>> ScoreJsonAsync(
        [AsParameters] V1Call call, CancellationToken cancellationToken, bool words = false, string? strictness = null, double? threshold = null) =>
        ScoreAsync(call, BodyKinds.JsonOrMultipart, words, ParseVerdict(strictness, threshold), cancellationToken);

    /// <param name="words">Add every word of the transcript with its time span, confidence and match (needs a model with the CTC head).</param>
    /// <param name="strictness">The operating point of 'match': balanced (the model's threshold), lenient (keeps more good data, accepts more near misses) or strict (catches more wrong words, rejects more good data).</param>
    /// <param name="threshold">A verdict logit threshold of your own for 'match' (wins over strictness); the probability at it is sigmoid(threshold).</param>
    private static Task<Ok<ScoreResponse>> ScoreMultipartAsync(
        [AsParameters] V1Call call, CancellationToken cancellationToken, bool words = false, string? strictness = null, double? threshold = null) =>
        ScoreAsync(call, BodyKinds.Multipart, words, ParseVerdict(strictness, threshold), cancellationToken);

    private static Task<Ok<RankResponse>> RankJsonAsync([AsParameters] V1Call call, CancellationToken cancellationToken) =>
        RankAsync(call, BodyKinds.JsonOrMultipart, cancellationToken);

    private static Task<Ok<RankResponse>> RankMultipartAsync([AsParameters] V1Call call, CancellationToken cancellationToken) =>
        RankAsync(call, BodyKinds.Multipart, cancellationToken);

    private static Task<Ok<ScoreMatrixResponse>> ScoreMatrixJsonAsync([AsParameters] V1Call call, CancellationToken cancellationToken) =>
        ScoreMatrixAsync(call, BodyKinds.JsonOrMultipart, cancellationToken);

    private static Task<Ok<ScoreMatrixResponse>> ScoreMatrixMultipartAsync([AsParameters] V1Call call, CancellationToken cancellationToken) =>
        ScoreMatrixAsync(call, BodyKinds.Multipart, cancellationToken);

    private static Task<Ok<CompareResponse>> CompareJsonAsync([AsParameters] V1Call call, CancellationToken cancellationToken) =>
        CompareAsync(call, BodyKinds.JsonOrMultipart, cancellationToken);

    private static Task<Ok<CompareResponse>> CompareMultipartAsync([AsParameters] V1Call call, CancellationToken cancellationToken) =>
        CompareAsync(call, BodyKinds.Multipart, cancellationToken);

    /// <summary>Tags, input problems and admission, shared by every scoring operation.</summary>
    private static RouteHandlerBuilder AsScoringOperation(this RouteHandlerBuilder builder) =>
        builder.WithTags("Scoring").ProducesInputProblems().RequireRateLimiting(AdmissionPolicy.Name);

    /// <summary>
    /// Reads the operating point; strictness binds as text because minimal APIs match enum names case-sensitively and
    /// answer a bare "Failed to bind" that does not list the choices.
    /// </summary>
    private static VerdictOptions ParseVerdict(string? strictness, double? threshold)
    {
        var level = Inference.Calibration.VerdictStrictness.Balanced;
        if (strictness is not null
            && (!Enum.TryParse(strictness, ignoreCase: true, out level) || !Enum.IsDefined(level) || int.TryParse(strictness, out _)))
        {
            throw new RequestFormatException($"'strictness' must be lenient, balanced or strict, not '{strictness}'");
        }

        if (threshold is { } t && !double.IsFinite(t))
        {
            throw new RequestFormatException("'threshold' must be a finite number (a verdict logit, e.g. 0 for p = 0.5)");
        }

        return new VerdictOptions(level, threshold);
    }

    private static async Task<Ok<ScoreResponse>> ScoreAsync(V1Call call, BodyKinds accepted, bool words, VerdictOptions verdict, CancellationToken cancellationToken)
    {
        var (score, clip, phonemes) = await call.ScoreAsync(accepted, words, verdict, cancellationToken);
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
            Model = call.ModelId,
        });
    }

    private static async Task<Ok<RankResponse>> RankAsync(V1Call call, BodyKinds accepted, CancellationToken cancellationToken)
    {
        var (outcome, input) = await call.RankAsync(accepted, cancellationToken);
        return TypedResults.Ok(new RankResponse
        {
            Candidates = outcome.Ranked.Select(r => new Contracts.RankedCandidate
            {
                Index = r.Index,
                Candidate = input.Candidates[r.Index].Value,
                Phonemes = r.Phonemes.XSampa,
                Score = r.Score.Score,
                Probability = r.Score.Probability,
                Match = r.Score.Match,
                AlignmentScore = r.Score.AlignmentScore,
            }).ToArray(),
            AudioSeconds = outcome.Clip.Seconds,
            Warnings = Warnings(outcome.Clip),
            Model = call.ModelId,
        });
    }

    private static async Task<Ok<ScoreMatrixResponse>> ScoreMatrixAsync(V1Call call, BodyKinds accepted, CancellationToken cancellationToken)
    {
        var (matrix, clips, phonemes) = await call.ScoreMatrixAsync(accepted, cancellationToken);
        return TypedResults.Ok(new ScoreMatrixResponse
        {
            Scores = matrix.Scores,
            RowSoftmax = matrix.RowSoftmax,
            ColumnSoftmax = matrix.ColumnSoftmax,
            Phonemes = phonemes.Select(p => p.XSampa).ToArray(),
            AudioSeconds = clips.Select(c => c.Seconds).ToArray(),
            Warnings = Warnings([.. clips]),
            Model = call.ModelId,
        });
    }

    private static async Task<Ok<CompareResponse>> CompareAsync(V1Call call, BodyKinds accepted, CancellationToken cancellationToken)
    {
        var (comparison, clip, reference, phonemes) = await call.CompareAsync(accepted, cancellationToken);
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
            Model = call.ModelId,
        });
    }

    /// <summary>The clips' repair warnings, or null when there are none (the field is then left out).</summary>
    internal static IReadOnlyList<string>? Warnings(params IReadOnlyList<PreparedClip> clips)
    {
        var warnings = clips.SelectMany(c => c.Warnings).ToArray();
        return warnings.Length == 0 ? null : warnings;
    }
}
