using Scraps.Service.Errors;

namespace Scraps.Service.Security;

/// <summary>
/// Asks every /v1 request (and /health, /metrics when configured) for <c>Authorization: Bearer KEY</c> when the service
/// has API keys: a missing or unknown key is a 401 problem with <c>WWW-Authenticate: Bearer</c>, before admission takes a
/// place for it and before its body is read. A key in the query string is refused outright (400): URLs end up in
/// access logs, proxies and browser histories. The valid key's client id (a digest prefix) is left in the request's
/// items for per-client admission. Keys are never logged.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyStore store)
{
    /// <summary>HttpContext.Items key of the authenticated client's id.</summary>
    public const string ClientItem = "scraps.client";

    private const string Scheme = "Bearer";

    /// <summary>Query parameters that usually carry keys: refused so that a key never sits in a URL.</summary>
    private static readonly string[] KeyParameters = ["api_key", "apikey", "api-key", "key", "access_token", "token"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!store.Enabled || !Protects(context.Request.Path))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (KeyParameters.FirstOrDefault(p => context.Request.Query.ContainsKey(p)) is { } parameter)
        {
            await ProblemWriter.WriteAsync(context, Problem.BadRequest(
                $"an API key may not travel in the URL ('{parameter}' in the query string): URLs end up in access logs; send it as 'Authorization: Bearer <key>'"))
                .ConfigureAwait(false);
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            await Unauthorized(context, "invalid_request", "this service needs an API key: send 'Authorization: Bearer <key>'").ConfigureAwait(false);
            return;
        }

        if (!header.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase) || store.Check(header[(Scheme.Length + 1)..].Trim()) is not { } client)
        {
            await Unauthorized(context, "invalid_token", "the API key is not valid (or the Authorization header is not 'Bearer <key>')").ConfigureAwait(false);
            return;
        }

        context.Items[ClientItem] = client;
        await next(context).ConfigureAwait(false);
    }

    private bool Protects(PathString path) =>
        path.StartsWithSegments("/v1")
        || (store.Options.ProtectHealth && path.StartsWithSegments("/health"))
        || (store.Options.ProtectMetrics && path.StartsWithSegments("/metrics"));

    private static Task Unauthorized(HttpContext context, string error, string detail)
    {
        context.Response.Headers.WWWAuthenticate = $"{Scheme} realm=\"scraps\", error=\"{error}\"";
        return ProblemWriter.WriteAsync(context, Problem.Unauthorized(detail));
    }
}
