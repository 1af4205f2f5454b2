using Microsoft.AspNetCore.Diagnostics;

namespace Scraps.Service.Errors;

/// <summary>
/// Gives the framework's own bodiless error responses (no such route, wrong method, ...) a problem body with a useful
/// detail, whatever the Accept header.
/// </summary>
internal static class StatusCodeProblems
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var where = $"{request.Method} {request.Path}";
        var problem = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => Problem.NotFound($"no endpoint answers {where}; the API is under /v1 (see /swagger)"),
            StatusCodes.Status405MethodNotAllowed => Problem.MethodNotAllowed($"{request.Method} is not allowed on {request.Path}"),
            var status => Problem.ForStatus(status, $"{where} failed with {status}"),
        };
        return ProblemWriter.WriteAsync(http, problem, http.RequestAborted);
    }
}
