using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Scraps.Client.Http;

/// <summary>
/// The typed HTTP client behind <see cref="IScrapsClient"/>. Bodies are JSON with base64 audio, serialised once
/// into a buffer so that retries resend the same bytes. Paths are relative (no leading slash) so that a base
/// address with a path prefix is kept.
/// </summary>
internal sealed class ScrapsClient(HttpClient http) : IScrapsClient
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public Task<ScoreResponse> ScoreAsync(ScoreRequest request, CancellationToken cancellationToken = default) =>
        PostAsync("v1/score", request, ScrapsJsonContext.Default.ScoreRequest, ScrapsJsonContext.Default.ScoreResponse, cancellationToken);

    public Task<ScoreResponse> ScoreWithWordsAsync(ScoreRequest request, CancellationToken cancellationToken = default) =>
        PostAsync("v1/score?words=true", request, ScrapsJsonContext.Default.ScoreRequest, ScrapsJsonContext.Default.ScoreResponse, cancellationToken);

    public Task<RankResponse> RankAsync(RankRequest request, CancellationToken cancellationToken = default) =>
        PostAsync("v1/rank", request, ScrapsJsonContext.Default.RankRequest, ScrapsJsonContext.Default.RankResponse, cancellationToken);

    public Task<ScoreMatrixResponse> ScoreMatrixAsync(ScoreMatrixRequest request, CancellationToken cancellationToken = default) =>
        PostAsync("v1/score/matrix", request, ScrapsJsonContext.Default.ScoreMatrixRequest, ScrapsJsonContext.Default.ScoreMatrixResponse, cancellationToken);

    public Task<AcousticEmbeddingResponse> EmbedAcousticAsync(AcousticEmbeddingRequest request, bool sequence = false, CancellationToken cancellationToken = default) =>
        PostAsync(WithSequence("v1/embed/acoustic", sequence), request, ScrapsJsonContext.Default.AcousticEmbeddingRequest, ScrapsJsonContext.Default.AcousticEmbeddingResponse, cancellationToken);

    public Task<PhoneticEmbeddingResponse> EmbedPhoneticAsync(PhoneticEmbeddingRequest request, bool sequence = false, CancellationToken cancellationToken = default) =>
        PostAsync(WithSequence("v1/embed/phonetic", sequence), request, ScrapsJsonContext.Default.PhoneticEmbeddingRequest, ScrapsJsonContext.Default.PhoneticEmbeddingResponse, cancellationToken);

    public Task<CompareResponse> CompareAsync(CompareRequest request, CancellationToken cancellationToken = default) =>
        PostAsync("v1/compare", request, ScrapsJsonContext.Default.CompareRequest, ScrapsJsonContext.Default.CompareResponse, cancellationToken);

    public Task<ModelResponse> GetModelAsync(CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, "v1/model"), ScrapsJsonContext.Default.ModelResponse, cancellationToken);

    public Task<HealthResponse> GetLivenessAsync(CancellationToken cancellationToken = default) =>
        SendAsync(Probe("health/live"), ScrapsJsonContext.Default.HealthResponse, cancellationToken);

    public Task<HealthResponse> GetReadinessAsync(CancellationToken cancellationToken = default) =>
        SendAsync(Probe("health/ready"), ScrapsJsonContext.Default.HealthResponse, cancellationToken);

    private static string WithSequence(string path, bool sequence) => sequence ? path + "?sequence=true" : path;

    private static HttpRequestMessage Probe(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Options.Set(ScrapsRequestOptions.NoRetry, true);
        return request;
    }

    private Task<TResponse> PostAsync<TRequest, TResponse>(
        string path, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TRequest : class
    {
        ArgumentNullException.ThrowIfNull(body);
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, requestType));
        content.Headers.ContentType = Json;
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = content }, responseType, cancellationToken);
    }

    private async Task<TResponse> SendAsync<TResponse>(HttpRequestMessage request, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        using (request)
        {
            var operation = $"{request.Method} {request.RequestUri}";
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await ProblemReader.ReadAsync(operation, response, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                return await response.Content.ReadFromJsonAsync(responseType, cancellationToken).ConfigureAwait(false)
                    ?? throw ProblemReader.Unreadable(operation, response, $"the body is null, not a {typeof(TResponse).Name}", null);
            }
            catch (JsonException e)
            {
                throw ProblemReader.Unreadable(operation, response, $"the body is not a {typeof(TResponse).Name}: {e.Message}", e);
            }
        }
    }
}
