using Scraps.Model.Runtime;
using Scraps.Trainer.Fit;
using TorchSharp;

namespace Scraps.Trainer.Tests.Fit;

[Collection(TrainingCollection.Name)]
public sealed class TrainingSpeedTests
{
    [Fact]
    public void Times_the_steps_after_warm_up()
    {
        var cpu = TorchRuntime.Initialize(new TorchRuntimeOptions { Device = "cpu" });
        torch.set_num_threads(1);
        var config = new ScrapsModelConfig
        {
            Name = "micro",
            ModelDim = 16,
            Layers = 1,
            Heads = 2,
            FfnDim = 32,
            Dropout = 0,
            LstmHidden = 16,
            AcousticSubsampling = 2,
            MelBins = 80,
            MaxPositions = 256,
            VocabSize = 10,
        };
        var result = TrainingSpeed.Measure(config, cpu, batch: 4, frames: 40, phonemes: 6, warmup: 1, steps: 3);
        Assert.Equal(("micro", 4, 3), (result.Config, result.Batch, result.Steps));
        Assert.True(result.StepsPerSecond > 0);
        Assert.True(result.Parameters > 1000);
        Assert.Equal(result.StepsPerSecond * 4 * 40 * 0.0125, result.AudioSecondsPerSecond, 9);
        Assert.Throws<ArgumentException>(() => TrainingSpeed.Measure(config, cpu, 4, 40, 6, warmup: 0, steps: 0));
    }
}
