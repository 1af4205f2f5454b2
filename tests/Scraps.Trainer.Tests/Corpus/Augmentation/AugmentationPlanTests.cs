using Scraps.Trainer.Corpus.Augmentation;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Tests.Corpus.Augmentation;

public class AugmentationPlanTests
{
    [Fact]
    public void Records_only_what_was_applied()
    {
        var plan = AugmentationPlan.None with
        {
            Formant = 1.1,
            Tempo = 1.1,
            Noise = new NoisePlan(NoisePlan.Pink, 12.5, 1),
            BandLimit = new BandLimitPlan(300, 3400),
            Codec = new CodecPlan(CodecPlan.AmrNb, 7.4),
            PeakLevel = 0.5,
        };
        var json = plan.ToJson(new SynthesisSettings(1.2, 0.9)).GetRawText();
        Assert.Equal(
            """{"synth":{"rate":1.2,"pitch":0.9},"formant":1.1,"tempo":1.1,"noise":{"type":"pink","snrDb":12.5},"bandLimit":{"lowHz":300,"highHz":3400},"codec":{"format":"amr-nb","kbps":7.4},"peak":0.5}""",
            json);
    }

    [Fact]
    public void A_clip_with_only_a_formant_factor_counts_as_clean()
    {
        Assert.True((AugmentationPlan.None with { Formant = 0.9, PeakLevel = 0.3 }).IsClean);
        Assert.False((AugmentationPlan.None with { ClippedShare = 0.01 }).IsClean);
    }
}
