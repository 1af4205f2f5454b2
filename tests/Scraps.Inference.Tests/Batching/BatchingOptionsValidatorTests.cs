using Scraps.Inference.Batching;

namespace Scraps.Inference.Tests.Batching;

public sealed class BatchingOptionsValidatorTests
{
    private readonly BatchingOptionsValidator _validator = new();

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(_validator.Validate(null, new BatchingOptions()).Succeeded);
    }

    [Fact]
    public void Out_of_range_values_are_named_in_the_failure()
    {
        var result = _validator.Validate(null, new BatchingOptions { MaxBatchSize = 0, MaxBatchDelay = TimeSpan.FromSeconds(5), Workers = 0 });

        Assert.True(result.Failed);
        Assert.Contains("MaxBatchSize", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("MaxBatchDelay", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Workers", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_limits_of_each_queue_come_from_the_shared_and_per_encoder_values()
    {
        var options = new BatchingOptions { MaxBatchSize = 4, MaxPaddedFrames = 900, MaxPaddedPhonemes = 90, QueueCapacity = 7 };

        Assert.Equal(new BatcherLimits(4, 900, options.MaxBatchDelay, 7), options.AcousticLimits);
        Assert.Equal(new BatcherLimits(4, 90, options.MaxBatchDelay, 7), options.PhoneticLimits);
    }
}
