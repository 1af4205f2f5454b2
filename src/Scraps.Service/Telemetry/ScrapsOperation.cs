namespace Scraps.Service.Telemetry;

/// <summary>
/// Endpoint metadata: the endpoint runs the model operation <see cref="Name"/> (one of
/// <see cref="RequestMetrics.Operations"/>), so its requests are counted in <c>scraps.requests</c>. The JSON and
/// multipart twins of an operation share the name: the metric is about the model's work, not the route.
/// </summary>
internal sealed record ScrapsOperation(string Name)
{
    public const string Score = "score";
    public const string Rank = "rank";
    public const string ScoreMatrix = "score_matrix";
    public const string Compare = "compare";
    public const string EmbedAcoustic = "embed_acoustic";
    public const string EmbedPhonetic = "embed_phonetic";
}

/// <summary>Attaches <see cref="ScrapsOperation"/>.</summary>
internal static class ScrapsOperationExtensions
{
    public static RouteHandlerBuilder CountedAs(this RouteHandlerBuilder builder, string operation) =>
        builder.WithMetadata(new ScrapsOperation(operation));
}
