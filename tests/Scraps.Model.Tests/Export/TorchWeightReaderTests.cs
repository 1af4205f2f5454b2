using Scraps.Model.Export;
using Scraps.Model.Modules;
using Scraps.Model.Runtime;
using static TorchSharp.torch;

namespace Scraps.Model.Tests.Export;

public sealed class TorchWeightReaderTests(ParityModels models) : IClassFixture<ParityModels>
{
    [Fact]
    public void Weights_are_copied_in_pytorch_layout_with_the_configs_sizes()
    {
        var model = models.For(4);

        var weights = TorchWeightReader.Read(model.Net);

        Assert.Equal(model.Net.Phonetic.Alpha.item<float>(), weights.Phonetic.Alpha);
        Assert.Equal(model.Net.Acoustic.Alpha.item<float>(), weights.Acoustic.Alpha);
        Assert.Equal(2, weights.Acoustic.Subsampling.Count);
        Assert.Equal(model.Net.Acoustic.Subsampling[1].weight.data<float>().ToArray(), weights.Acoustic.Subsampling[1].Weight);
        Assert.Equal(model.Net.Phonetic.Blocks[1].Attention.Key.weight.data<float>().ToArray(), weights.Phonetic.Blocks[1].Attention.Key.Weight);
        Assert.Equal(model.Net.Acoustic.Blocks[0].Norm2.bias!.data<float>().ToArray(), weights.Acoustic.Blocks[0].Norm2.Bias);
        Assert.Equal(4 * 24 * 32, weights.Integrator.WeightIh.Length);
        Assert.Equal(model.Net.Integrator.named_parameters().Single(p => p.name == "bias_hh_l0").parameter.data<float>().ToArray(), weights.Integrator.BiasHh);
        Assert.Equal(
            new { model.Config.ModelDim, model.Config.Layers, model.Config.Heads, model.Config.FfnDim, model.Config.LstmHidden, model.Config.AcousticSubsampling, model.Config.MelBins, model.Config.MaxPositions, model.Config.VocabSize },
            new { weights.Dims.ModelDim, weights.Dims.Layers, weights.Dims.Heads, weights.Dims.FfnDim, weights.Dims.LstmHidden, weights.Dims.AcousticSubsampling, weights.Dims.MelBins, weights.Dims.MaxPositions, weights.Dims.VocabSize });
    }

    [Fact]
    public void Non_finite_parameter_is_reported_by_name()
    {
        TorchRuntime.Initialize();
        using var broken = new ScrapsNet(ParityModel.SmallConfig(1));
        using (no_grad())
        {
            broken.Phonetic.Blocks[0].Ffn2.bias!.fill_(float.NaN);
        }

        var error = Assert.Throws<ArgumentException>(() => TorchWeightReader.Read(broken));

        Assert.Contains("phonetic.blocks.0.ffn2.bias", error.Message);
    }
}
