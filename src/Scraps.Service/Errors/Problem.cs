using Microsoft.AspNetCore.WebUtilities;

namespace Scraps.Service.Errors;

/// <summary>What the client is told about one failure: status, title, RFC section, the useful detail, and when to retry.</summary>
internal sealed record Problem(int Status, string Title, string Type, string Detail, TimeSpan? RetryAfter = null)
{
    /// <summary>Send <c>Connection: close</c> (a shutting-down server tells keep-alive clients to go elsewhere).</summary>
    public bool CloseConnection { get; init; }

    public static Problem BadRequest(string detail) =>
        new(StatusCodes.Status400BadRequest, "Malformed request", "https://tools.ietf.org/html/rfc9110#section-15.5.1", detail);

    public static Problem Unauthorized(string detail) =>
        new(StatusCodes.Status401Unauthorized, "Unauthorized", "https://tools.ietf.org/html/rfc9110#section-15.5.2", detail);

    public static Problem Timeout(string detail) =>
        new(StatusCodes.Status408RequestTimeout, "Request timeout", "https://tools.ietf.org/html/rfc9110#section-15.5.9", detail);

    public static Problem NotFound(string detail) =>
        new(StatusCodes.Status404NotFound, "Not found", "https://tools.ietf.org/html/rfc9110#section-15.5.5", detail);

    public static Problem MethodNotAllowed(string detail) =>
        new(StatusCodes.Status405MethodNotAllowed, "Method not allowed", "https://tools.ietf.org/html/rfc9110#section-15.5.6", detail);

    /// <summary>Any other status without a body of its own (from the framework), with a generic detail.</summary>
    public static Problem ForStatus(int status, string detail) =>
        new(status, ReasonPhrases.GetReasonPhrase(status), $"https://tools.ietf.org/html/rfc9110#section-15.{(status >= 500 ? 6 : 5)}", detail);

    public static Problem TooLarge(string detail) =>
        new(StatusCodes.Status413PayloadTooLarge, "Request too large", "https://tools.ietf.org/html/rfc9110#section-15.5.14", detail);

    public static Problem UnsupportedMedia(string detail) =>
        new(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "https://tools.ietf.org/html/rfc9110#section-15.5.16", detail);

    public static Problem Unprocessable(string detail) =>
        new(StatusCodes.Status422UnprocessableEntity, "Input cannot be scored", "https://tools.ietf.org/html/rfc9110#section-15.5.21", detail);

    public static Problem TooManyRequests(string detail, TimeSpan retryAfter) =>
        new(StatusCodes.Status429TooManyRequests, "Too many requests", "https://tools.ietf.org/html/rfc6585#section-4", detail, retryAfter);

    public static Problem Unavailable(string detail, TimeSpan retryAfter) =>
        new(StatusCodes.Status503ServiceUnavailable, "Service unavailable", "https://tools.ietf.org/html/rfc9110#section-15.6.4", detail, retryAfter);

    public static Problem Internal(string detail) =>
        new(StatusCodes.Status500InternalServerError, "Internal error", "https://tools.ietf.org/html/rfc9110#section-15.6.1", detail);
}
