using Microsoft.AspNetCore.Http.HttpResults;
using Scraps.Inference.Encoders;
using Scraps.Service.Admission;
using Scraps.Service.Api.Contracts;
using Scraps.Service.OpenApi;
using Scraps.Service.Telemetry;

namespace Scraps.Service.Api;

/// <summary>POST /v1/embed/acoustic and /v1/embed/phonetic.</summary>
internal static class EmbeddingApi
{
    public static RouteGroupBuilder MapEmbeddingApi(this RouteGroupBuilder v1)
    {
        const string acoustic = "With sequence=true the per-step outputs of the acoustic backbone are added (frames after subsampling × backbone width).";
        v1.MapPost("/embed/acoustic", EmbedAcousticJsonAsync)
            .WithName("EmbedAcoustic")
            .CountedAs(ScrapsOperation.EmbedAcoustic)
            .WithTags("Embeddings")
            .WithSummary("A clip's acoustic SCRAPS vector")
            .WithDescription(acoustic + " This operation reads JSON with base64 audio; with the clip as a file part, use POST /v1/embed/acoustic/multipart.")
            .AcceptsJson<AcousticEmbeddingRequest>()
            .ProducesInputProblems()
            .RequireRateLimiting(AdmissionPolicy.Name);

        v1.MapPost("/embed/acoustic/multipart", EmbedAcousticMultipartAsync)
            .WithName("EmbedAcousticMultipart")
            .CountedAs(ScrapsOperation.EmbedAcoustic)
            .WithTags("Embeddings")
            .WithSummary("A clip's (a file part's) acoustic SCRAPS vector")
            .WithDescription(acoustic + " The clip travels as a file part; with base64 audio in JSON, use POST /v1/embed/acoustic.")
            .AcceptsForm<AudioForm>()
            .ProducesInputProblems()
            .RequireRateLimiting(AdmissionPolicy.Name);

        v1.MapPost("/embed/phonetic", EmbedPhoneticAsync)
            .WithName("EmbedPhonetic")
            .CountedAs(ScrapsOperation.EmbedPhonetic)
            .WithTags("Embeddings")
            .WithSummary("A transcript's (or phoneme string's) phonetic SCRAPS vector")
            .WithDescription("With sequence=true the per-step outputs of the phonetic backbone are added (phonemes × backbone width).")
            .AcceptsJson<PhoneticEmbeddingRequest>()
            .ProducesInputProblems()
            .RequireRateLimiting(AdmissionPolicy.Name);

        return v1;
    }

    /// <param name="sequence">Add the per-step backbone outputs.</param>
    private static Task<Ok<AcousticEmbeddingResponse>> EmbedAcousticJsonAsync([AsParameters] V1Call call, CancellationToken cancellationToken, bool sequence = false) =>
        EmbedAcousticAsync(call, BodyKinds.JsonOrMultipart, sequence, cancellationToken);

    /// <param name="sequence">Add the per-step backbone outputs.</param>
    private static Task<Ok<AcousticEmbeddingResponse>> EmbedAcousticMultipartAsync([AsParameters] V1Call call, CancellationToken cancellationToken, bool sequence = false) =>
        EmbedAcousticAsync(call, BodyKinds.Multipart, sequence, cancellationToken);

    private static async Task<Ok<AcousticEmbeddingResponse>> EmbedAcousticAsync(V1Call call, BodyKinds accepted, bool sequence, CancellationToken cancellationToken)
    {
        var (output, clip) = await call.EmbedAcousticAsync(accepted, sequence, cancellationToken);
        return TypedResults.Ok(new AcousticEmbeddingResponse
        {
            Embedding = output.Embedding,
            Dimension = output.Embedding.Length,
            Sequence = sequence ? ToSequence(output) : null,
            AudioSeconds = clip.Seconds,
            Warnings = ScoringApi.Warnings(clip),
            Model = call.ModelId,
        });
    }

    /// <param name="sequence">Add the per-step backbone outputs.</param>
    private static async Task<Ok<PhoneticEmbeddingResponse>> EmbedPhoneticAsync([AsParameters] V1Call call, CancellationToken cancellationToken, bool sequence = false)
    {
        var (output, phonemes) = await call.EmbedPhoneticAsync(sequence, cancellationToken);
        return TypedResults.Ok(new PhoneticEmbeddingResponse
        {
            Embedding = output.Embedding,
            Dimension = output.Embedding.Length,
            Sequence = sequence ? ToSequence(output) : null,
            Phonemes = phonemes.XSampa,
            Model = call.ModelId,
        });
    }

    private static SequenceOutput ToSequence(EncoderOutput output)
    {
        var data = output.Sequence ?? [];
        var dim = output.SequenceDim;
        var steps = new float[output.SequenceSteps][];
        for (var s = 0; s < steps.Length; s++)
        {
            steps[s] = data.AsSpan(s * dim, dim).ToArray();
        }

        return new SequenceOutput { Steps = output.SequenceSteps, Dimension = dim, Values = steps };
    }
}
