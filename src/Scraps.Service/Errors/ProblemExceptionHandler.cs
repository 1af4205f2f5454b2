using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Scraps.Service.Errors;

/// <summary>Writes every exception that reaches the pipeline as RFC 7807 ProblemDetails (with Retry-After for 429/503).</summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ProblemMapper.Map(exception);
        if (problem.Status >= StatusCodes.Status500InternalServerError && problem.Status != StatusCodes.Status503ServiceUnavailable)
        {
            LogUnexpected(logger, exception, httpContext.Request.Path.Value ?? string.Empty);
        }
        else
        {
            LogRefused(logger, httpContext.Request.Path.Value ?? string.Empty, problem.Status, problem.Detail);
        }

        httpContext.Response.StatusCode = problem.Status;
        if (problem.RetryAfter is { } retryAfter)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = problem.Status,
                Title = problem.Title,
                Type = problem.Type,
                Detail = problem.Detail,
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure on {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception error, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Path} with {Status}: {Detail}")]
    private static partial void LogRefused(ILogger logger, string path, int status, string detail);
}
