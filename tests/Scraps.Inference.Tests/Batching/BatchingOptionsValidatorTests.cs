using Scraps.Inference.Batching;
using Scraps.Inference.Runtime;

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

    private static readonly ExecutionProviderStatus Cpu = new(ExecutionProviderKind.Auto, ExecutionProviderKind.Cpu, [], "test");
    private static readonly ExecutionProviderStatus TwoGpus = new(ExecutionProviderKind.Cuda, ExecutionProviderKind.Cuda, [0, 1], "test");

    [Fact]
    public void The_limits_of_each_queue_come_from_the_shared_and_per_encoder_values()
    {
        var options = new BatchingOptions { MaxBatchSize = 4, MaxPaddedFrames = 900, MaxPaddedPhonemes = 90, QueueCapacity = 7 };

        var resolved = options.Resolve(Cpu);

        Assert.Equal(new BatcherLimits(4, 900, resolved.MaxBatchDelay, 7), resolved.AcousticLimits);
        Assert.Equal(new BatcherLimits(4, 90, resolved.MaxBatchDelay, 7), resolved.PhoneticLimits);
    }

    [Fact]
    public void Unset_values_take_the_cpu_defaults_on_cpu()
    {
        Assert.Equal(new ResolvedBatching(8, TimeSpan.FromMilliseconds(5), 16_000, 4_096, 256, 2), new BatchingOptions().Resolve(Cpu));
    }

    [Fact]
    public void Unset_values_take_larger_gpu_defaults_with_two_workers_per_gpu()
    {
        Assert.Equal(new ResolvedBatching(64, TimeSpan.FromMilliseconds(10), 160_000, 32_768, 1_024, 4), new BatchingOptions().Resolve(TwoGpus));
    }

    [Fact]
    public void Configured_values_win_over_the_providers_defaults()
    {
        var resolved = new BatchingOptions { MaxBatchSize = 16, Workers = 3, MaxBatchDelay = TimeSpan.Zero }.Resolve(TwoGpus);

        Assert.Equal((16, 3, TimeSpan.Zero, 160_000), (resolved.MaxBatchSize, resolved.Workers, resolved.MaxBatchDelay, resolved.MaxPaddedFrames));
    }
}
