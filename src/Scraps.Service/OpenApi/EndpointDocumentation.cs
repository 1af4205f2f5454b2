namespace Scraps.Service.OpenApi;

/// <summary>OpenAPI metadata shared by the v1 endpoints.</summary>
internal static class EndpointDocumentation
{
    /// <summary>The operation reads JSON shaped like <typeparamref name="TJson"/>.</summary>
    public static RouteHandlerBuilder AcceptsJson<TJson>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new RequestBodyMetadata(typeof(TJson), "application/json"));

    /// <summary>The operation reads multipart/form-data shaped like <typeparamref name="TForm"/> (audio as file parts).</summary>
    public static RouteHandlerBuilder AcceptsForm<TForm>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new RequestBodyMetadata(typeof(TForm), "multipart/form-data")).DisableAntiforgery();

    /// <summary>The problems a request with inputs can run into: 400, 413, 415, 422 and 429 (with Retry-After).</summary>
    public static RouteHandlerBuilder ProducesInputProblems(this RouteHandlerBuilder builder) =>
        builder
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithMetadata(new RetryAfterMetadata(StatusCodes.Status429TooManyRequests));
}
