using System.Numerics;
using Scraps.Trainer.Corpus.Augmentation;

namespace Scraps.Trainer.Tests.Corpus.Augmentation;

public class FftConvolverTests
{
    [Fact]
    public void Equals_direct_convolution()
    {
        var random = new Random(4);
        var signal = Enumerable.Range(0, 300).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var kernel = Enumerable.Range(0, 37).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var result = FftConvolver.Convolve(signal, kernel);

        Assert.Equal(signal.Length + kernel.Length - 1, result.Length);
        for (var n = 0; n < result.Length; n++)
        {
            double direct = 0;
            for (var k = 0; k < kernel.Length; k++)
            {
                if (n - k >= 0 && n - k < signal.Length)
                {
                    direct += signal[n - k] * kernel[k];
                }
            }

            Assert.Equal(direct, result[n], 4);
        }
    }

    [Fact]
    public void Transform_round_trips()
    {
        var data = Enumerable.Range(0, 64).Select(i => new Complex(i, -i)).ToArray();
        var copy = data.ToArray();
        FftConvolver.Transform(data, inverse: false);
        FftConvolver.Transform(data, inverse: true);
        for (var i = 0; i < data.Length; i++)
        {
            Assert.Equal(copy[i].Real, data[i].Real / 64, 9);
            Assert.Equal(copy[i].Imaginary, data[i].Imaginary / 64, 9);
        }
    }

    [Fact]
    public void Empty_inputs_give_an_empty_result() => Assert.Empty(FftConvolver.Convolve([], [1f]));
}
