using Microsoft.AspNetCore.Http;
using Scraps.Audio;
using Scraps.Inference.Batching;
using Scraps.Inference.Encoders;
using Scraps.Phonetics;
using Scraps.Service.Errors;

namespace Scraps.Service.Tests.Errors;

public sealed class ProblemMapperTests
{
    public static TheoryData<Exception, int> Cases => new()
    {
        { new RequestFormatException("x"), 400 },
        { new AudioFormatException("truncated", 12), 400 },
        { new BadHttpRequestException("bad framing", 400), 400 },
        { new PayloadTooLargeException("x"), 413 },
        { new BadHttpRequestException("too big", 413), 413 },
        { new UnsupportedContentTypeException("x"), 415 },
        { new AudioFormatException("codec", 20, isUnsupported: true), 415 },
        { new Scraps.Inference.Scoring.ScoringInputException("x"), 422 },
        { new EmptyTextException(), 422 },
        { new InferenceInputException("too long"), 422 },
        { new BatchQueueFullException("acoustic", 4, TimeSpan.FromSeconds(2)), 429 },
        { new ServiceUnavailableException("loading", TimeSpan.FromSeconds(5)), 503 },
        { new EngineUnavailableException("resting", TimeSpan.FromSeconds(9)), 503 },
        { new BatcherStoppedException("phonetic"), 503 },
        { new InvalidOperationException("bug"), 500 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_failure_maps_to_its_status(Exception error, int status)
    {
        Assert.Equal(status, ProblemMapper.Map(error).Status);
    }

    [Fact]
    public void Refusals_that_pass_carry_retry_after_and_the_detail()
    {
        var full = ProblemMapper.Map(new BatchQueueFullException("acoustic", 4, TimeSpan.FromSeconds(2)));
        var resting = ProblemMapper.Map(new EngineUnavailableException("resting", TimeSpan.FromSeconds(9)));

        Assert.Equal(TimeSpan.FromSeconds(2), full.RetryAfter);
        Assert.Contains("acoustic queue is full", full.Detail, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(9), resting.RetryAfter);
    }

    [Fact]
    public void Unexpected_failures_do_not_leak_their_message()
    {
        var problem = ProblemMapper.Map(new InvalidOperationException("secret internals"));

        Assert.DoesNotContain("secret", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", problem.Detail, StringComparison.Ordinal);
    }
}
