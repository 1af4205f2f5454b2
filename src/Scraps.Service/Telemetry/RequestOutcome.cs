namespace Scraps.Service.Telemetry;

/// <summary>
/// A finished request's outcome, the <c>outcome</c> tag of <c>scraps.requests</c>: one word per way a request ends,
/// so that a dashboard can tell the client's mistakes (bad_request, unprocessable...) from load shedding (rejected,
/// unavailable) and from faults (error).
/// </summary>
internal static class RequestOutcome
{
    public const string Ok = "ok";
    public const string BadRequest = "bad_request";
    public const string Unauthorized = "unauthorized";
    public const string Timeout = "timeout";
    public const string TooLarge = "too_large";
    public const string Unsupported = "unsupported";
    public const string Unprocessable = "unprocessable";
    public const string Rejected = "rejected";
    public const string Unavailable = "unavailable";
    public const string Cancelled = "cancelled";
    public const string Error = "error";

    /// <summary>Every outcome, in the order the docs list them.</summary>
    public static readonly IReadOnlyList<string> All = [Ok, BadRequest, Unauthorized, Timeout, TooLarge, Unsupported, Unprocessable, Rejected, Unavailable, Cancelled, Error];

    /// <summary>The outcome of a request that ended with <paramref name="status"/>; a client that went away is cancelled whatever was sent.</summary>
    public static string Of(int status, bool clientAborted) => clientAborted ? Cancelled : status switch
    {
        >= 200 and < 300 => Ok,
        StatusCodes.Status401Unauthorized => Unauthorized,
        StatusCodes.Status408RequestTimeout => Timeout,
        StatusCodes.Status413PayloadTooLarge => TooLarge,
        StatusCodes.Status415UnsupportedMediaType => Unsupported,
        StatusCodes.Status422UnprocessableEntity => Unprocessable,
        StatusCodes.Status429TooManyRequests => Rejected,
        StatusCodes.Status499ClientClosedRequest => Cancelled,
        StatusCodes.Status503ServiceUnavailable => Unavailable,
        >= 400 and < 500 => BadRequest,
        _ => Error,
    };
}
