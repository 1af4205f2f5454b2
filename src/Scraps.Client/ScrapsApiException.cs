using System.Net;

namespace Scraps.Client;

/// <summary>
/// The service answered with an error status (or with a body that is not what the operation returns); carries the
/// service's problem details. Thrown after the resilience pipeline gave up (retries spent, or a Retry-After longer
/// than <see cref="ScrapsClientOptions.MaxRetryAfter"/>).
/// </summary>
public sealed class ScrapsApiException : Exception
{
    public ScrapsApiException(string operation, HttpStatusCode statusCode, ScrapsProblem problem, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(Describe(operation, statusCode, problem), innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        Problem = problem;
        RetryAfter = retryAfter;
    }

    /// <summary>The request, e.g. "POST v1/score".</summary>
    public string Operation { get; }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The problem details the service sent (or, for a body that was not problem details, one made from the response).</summary>
    public ScrapsProblem Problem { get; }

    /// <summary>The problem's title, e.g. "Input cannot be scored".</summary>
    public string? Title => Problem.Title;

    /// <summary>The problem's detail, e.g. which field is wrong and why.</summary>
    public string? Detail => Problem.Detail;

    /// <summary>The response's Retry-After, when it had one (429 and 503).</summary>
    public TimeSpan? RetryAfter { get; }

    private static string Describe(string operation, HttpStatusCode statusCode, ScrapsProblem problem) =>
        $"{operation} failed with {(int)statusCode} {problem.Title ?? statusCode.ToString()}: {problem.Detail ?? "(no detail)"}";
}
