using Scraps.Audio.Tests.Support;
using Xunit.Abstractions;

namespace Scraps.Audio.Tests;

public sealed class ResamplerTests(ITestOutputHelper output)
{
    [Fact]
    public void Matches_torchaudio_sinc_resampling_of_the_22k_clip()
    {
        var decoded = AudioDecoder.DecodeFile(TestData.Audio("speech_22k_pcm16.wav"));
        var expected = TestData.ReadF32(TestData.Reference("speech_22k_pcm16.resampled16k.f32"));

        var actual = Resampler.Resample(decoded.Samples, decoded.SampleRate, 16000);

        var maxAbs = Metrics.MaxAbsError(actual, expected);
        var snr = Metrics.SnrDb(actual, expected);
        output.WriteLine($"22050 -> 16000 Hz vs torchaudio: max abs error {maxAbs:E3}, SNR {snr:F1} dB");
        Assert.True(snr >= 120, $"SNR {snr} dB");
        Assert.True(maxAbs <= 1e-6, $"max abs error {maxAbs}");
    }

    [Theory]
    [InlineData(22050, 16000, 58344, 42336)]
    [InlineData(44100, 16000, 100, 37)]
    [InlineData(8000, 16000, 5, 10)]
    [InlineData(16000, 8000, 5, 3)]
    [InlineData(48000, 16000, 0, 0)]
    public void Output_length_is_ceil_of_length_times_ratio(int from, int to, int length, int expected)
    {
        Assert.Equal(expected, Resampler.Resample(new float[length], from, to).Length);
    }

    [Fact]
    public void Same_rate_returns_a_copy()
    {
        float[] input = [0.1f, -0.2f, 0.3f];

        var result = Resampler.Resample(input, 16000, 16000);

        Assert.Equal(input, result);
        Assert.NotSame(input, result);
    }

    [Theory]
    [InlineData(44100, 1000)]
    [InlineData(8000, 1000)]
    [InlineData(48000, 3000)]
    [InlineData(11025, 2000)]
    [InlineData(44101, 2000)]
    public void Keeps_a_passband_tone(int from, double frequency)
    {
        var input = Metrics.Sine(frequency, from, from);
        var expected = Metrics.Sine(frequency, 16000, 16000);

        var actual = Resampler.Resample(input, from, 16000);

        // Away from the zero-padded edges the tone comes through with > 55 dB SNR (the torchaudio-compatible
        // width-6 Hann kernel has about -60 dB of passband error).
        var snr = Metrics.SnrDb(actual.AsSpan(800, 14400), expected.AsSpan(800, 14400));
        output.WriteLine($"{from} Hz, {frequency} Hz tone: SNR {snr:F1} dB");
        Assert.True(snr > 55, $"SNR {snr} dB");
    }

    [Fact]
    public void Removes_content_above_the_new_nyquist()
    {
        var input = Metrics.Sine(12000, 44100, 44100);

        var actual = Resampler.Resample(input, 44100, 16000);

        var rms = Metrics.Rms(actual.AsSpan(800, 14400));
        output.WriteLine($"12 kHz tone at 44.1 kHz -> 16 kHz: residual RMS {20 * Math.Log10(rms / Metrics.Rms(input)):F1} dB");
        Assert.True(rms < Metrics.Rms(input) * 3e-3); // torchaudio's width-6 Hann kernel gives about -55 dB here
    }

    [Theory]
    [InlineData(0, 16000)]
    [InlineData(16000, -1)]
    [InlineData(2_000_000, 16000)]
    public void Rejects_invalid_rates(int from, int to)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Resample(new float[10], from, to));
    }

    [Fact]
    public void Is_safe_to_share_between_threads()
    {
        var input = Metrics.Sine(440, 22050, 22050);
        var expected = Resampler.Resample(input, 22050, 16000);
        var results = new float[8][];

        Parallel.For(0, results.Length, i => results[i] = Resampler.Resample(input, 22050, 16000));

        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
