using Microsoft.AspNetCore.Diagnostics;

namespace Scraps.Service.Errors;

/// <summary>Writes every exception that reaches the pipeline as RFC 7807 ProblemDetails (with Retry-After for 429/503).</summary>
internal sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody reads an answer, and there is nothing to log above Debug.
            LogAbandoned(logger, httpContext.Request.Path.Value ?? string.Empty);
            return true;
        }

        var problem = ProblemMapper.Map(exception);
        if (problem.Status >= StatusCodes.Status500InternalServerError && problem.Status != StatusCodes.Status503ServiceUnavailable)
        {
            LogUnexpected(logger, exception, httpContext.Request.Path.Value ?? string.Empty);
        }
        else
        {
            LogRefused(logger, httpContext.Request.Path.Value ?? string.Empty, problem.Status, problem.Detail);
        }

        await ProblemWriter.WriteAsync(httpContext, problem, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure on {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception error, string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused {Path} with {Status}: {Detail}")]
    private static partial void LogRefused(ILogger logger, string path, int status, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The client abandoned {Path}")]
    private static partial void LogAbandoned(ILogger logger, string path);
}
