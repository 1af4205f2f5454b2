using System.Text.Json;

namespace Scraps.Client.Http;

/// <summary>Turns an error answer into a <see cref="ScrapsApiException"/> with the service's problem details.</summary>
internal static class ProblemReader
{
    private const int MaxDetailCharacters = 1000;

    public static async Task<ScrapsApiException> ReadAsync(string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var problem = TryParse(body, response.Content.Headers.ContentType?.MediaType)
            ?? new ScrapsProblem { Title = response.ReasonPhrase, Detail = Truncate(body) };
        problem = problem with { Status = problem.Status ?? (int)response.StatusCode };
        return new ScrapsApiException(operation, response.StatusCode, problem, RetryAfterHeader.Read(response));
    }

    public static ScrapsApiException Unreadable(string operation, HttpResponseMessage response, string detail, Exception? inner) =>
        new(operation, response.StatusCode, new ScrapsProblem { Status = (int)response.StatusCode, Title = "Unreadable response", Detail = detail }, null, inner);

    private static ScrapsProblem? TryParse(string body, string? mediaType)
    {
        if (mediaType is not ("application/problem+json" or "application/json") || string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, ScrapsJsonContext.Default.ScrapsProblem);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Truncate(string body) =>
        body.Length == 0 ? null : body.Length <= MaxDetailCharacters ? body : body[..MaxDetailCharacters] + "...";
}
