using System.Globalization;
using System.Text.Json;

namespace Scraps.Service.Errors;

/// <summary>
/// Writes an RFC 7807 problem body (application/problem+json) whatever the request's Accept header says: a client
/// that asked for text/plain or audio/wav still needs to learn why it failed. (ASP.NET Core's IProblemDetailsService
/// negotiates on Accept and writes nothing for those, which gave empty error bodies.)
/// </summary>
internal static class ProblemWriter
{
    public const string ContentType = "application/problem+json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // A detail quotes names ('audio'): keep them readable rather than \u0027-escaped.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Sets the status (and Retry-After when the problem has one) and writes the body; no-op once the response has started.</summary>
    public static async Task WriteAsync(HttpContext context, Problem problem, CancellationToken cancellationToken = default)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return;
        }

        response.StatusCode = problem.Status;
        if (problem.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (problem.CloseConnection)
        {
            response.Headers.Connection = "close";
        }

        response.ContentType = ContentType;
        // The W3C trace id of the request's activity where there is one (what ASP.NET Core's own problems carry, and
        // what traces and log scopes show), else the connection's request id.
        var traceId = System.Diagnostics.Activity.Current?.Id ?? context.TraceIdentifier;
        var body = new ProblemBody(problem.Type, problem.Title, problem.Status, problem.Detail, traceId);
        await JsonSerializer.SerializeAsync(response.Body, body, Json, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ProblemDetails members the service sends (traceId as ASP.NET Core adds it).</summary>
    private sealed record ProblemBody(string Type, string Title, int Status, string Detail, string TraceId);
}
