using Scraps.Audio;
using Scraps.Inference.Batching;
using Scraps.Inference.Encoders;
using Scraps.Inference.Scoring;
using Scraps.Phonetics;

namespace Scraps.Service.Errors;

/// <summary>
/// Which exception becomes which HTTP problem. Audio that is not in a format we decode is 415; audio bytes that
/// are malformed or truncated are 400 (like any other malformed part of the request).
/// </summary>
internal static class ProblemMapper
{
    public static Problem Map(Exception error) => error switch
    {
        RequestFormatException e => Problem.BadRequest(e.Message),
        PayloadTooLargeException e => Problem.TooLarge(e.Message),
        UnsupportedContentTypeException e => Problem.UnsupportedMedia(e.Message),
        AudioFormatException { IsUnsupported: true } e => Problem.UnsupportedMedia($"audio format not supported: {e.Message}"),
        AudioFormatException e => Problem.BadRequest($"audio cannot be decoded: {e.Message}"),
        ScoringInputException e => Problem.Unprocessable(e.Message),
        PhonemeInputException e => Problem.Unprocessable(e.Message),
        InferenceInputException e => Problem.Unprocessable(e.Message),
        BatchQueueFullException e => Problem.TooManyRequests(e.Message, e.RetryAfter),
        ServiceUnavailableException e => Problem.Unavailable(e.Message, e.RetryAfter) with { CloseConnection = e.CloseConnection },
        EngineUnavailableException e => Problem.Unavailable(e.Message, e.RetryAfter),
        BatcherStoppedException e => Problem.Unavailable(e.Message, TimeSpan.FromSeconds(5)),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } e => Problem.TooLarge(e.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } e => Problem.Timeout(e.Message),
        BadHttpRequestException e => Problem.BadRequest(e.Message),
        _ => Problem.Internal($"unexpected {error.GetType().Name}; see the service log (trace id in this response)"),
    };
}
