using Scraps.Model.Training;

namespace Scraps.Model.Tests.Training;

public sealed class LearningRateScheduleTests
{
    private static TrainingOptions Options(LearningRateScheduleKind kind) => new()
    {
        Config = TrainingTestConfigs.Tiny(12),
        LearningRate = 1e-3,
        WarmupSteps = 10,
        Steps = 110,
        Schedule = kind,
        MinLearningRateRatio = 0.1,
    };

    [Fact]
    public void Warms_up_linearly_then_holds_the_peak()
    {
        var schedule = new LearningRateSchedule(Options(LearningRateScheduleKind.Constant));
        Assert.Equal(1e-4, schedule.At(1), 12);
        Assert.Equal(5e-4, schedule.At(5), 12);
        Assert.Equal(1e-3, schedule.At(10), 12);
        Assert.Equal(1e-3, schedule.At(110), 12);
    }

    [Fact]
    public void Cosine_decays_from_the_peak_to_the_floor()
    {
        var schedule = new LearningRateSchedule(Options(LearningRateScheduleKind.Cosine));
        Assert.Equal(1e-3, schedule.At(10), 12);
        // Half-way through the 100 decay steps: floor + (peak - floor) / 2.
        Assert.Equal(1e-4 + 0.9e-3 / 2, schedule.At(60), 12);
        Assert.Equal(1e-4, schedule.At(110), 12);
        Assert.Equal(1e-4, schedule.At(500), 12);
    }

    [Fact]
    public void Without_warm_up_the_first_step_uses_the_peak()
    {
        var schedule = new LearningRateSchedule(Options(LearningRateScheduleKind.Constant) with { WarmupSteps = 0 });
        Assert.Equal(1e-3, schedule.At(1), 12);
    }
}
