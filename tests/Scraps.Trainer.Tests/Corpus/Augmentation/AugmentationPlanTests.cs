using Scraps.Trainer.Corpus.Augmentation;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Tests.Corpus.Augmentation;

public class AugmentationPlanTests
{
    [Fact]
    public void Records_only_what_was_applied()
    {
        var plan = AugmentationPlan.None with { Tempo = 1.1, Noise = new NoisePlan(NoisePlan.Pink, 12.5, 1, 0), Codec = new CodecPlan(CodecPlan.Mp3, 32), PeakLevel = 0.5 };
        var json = plan.ToJson(new SynthesisSettings(1.2, 0.9)).GetRawText();
        Assert.Equal("""{"synth":{"rate":1.2,"pitch":0.9},"tempo":1.1,"noise":{"type":"pink","snrDb":12.5},"codec":{"format":"mp3","kbps":32},"peak":0.5}""", json);
    }
}
