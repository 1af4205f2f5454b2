using Scraps.Audio.Tests.Support;
using Xunit.Abstractions;

namespace Scraps.Audio.Tests;

public sealed class LogMelExtractorTests(ITestOutputHelper output)
{
    private static readonly LogMelExtractor Extractor = new();

    /// <summary>log(1e-3): below it the reference is within ~7 nats of the floor and only the loose bound applies.</summary>
    private static readonly double LoudThreshold = Math.Log(1e-3);

    public static TheoryData<string> SixteenKilohertzClips() =>
        new(TestData.Clips().Where(c => c.SampleRate == 16000).Select(c => c.Audio));

    [Theory]
    [MemberData(nameof(SixteenKilohertzClips))]
    public void Matches_torchaudio_reference(string audio)
    {
        var clip = TestData.Clip(audio);
        var samples = AudioDecoder.DecodeFile(TestData.Audio(audio)).Samples;
        Assert.Equal(clip.Samples, samples.Length);

        var actual = Extractor.Compute(samples);

        AssertMatchesReference(clip, actual, audio);
    }

    [Fact]
    public void Resampled_22k_clip_matches_reference_computed_after_torchaudio_resampling()
    {
        var clip = TestData.Clip("speech_22k_pcm16.wav");
        var decoded = AudioDecoder.DecodeFile(TestData.Audio(clip.Audio));
        var samples = Resampler.Resample(decoded.Samples, decoded.SampleRate, 16000);

        var actual = Extractor.Compute(samples);

        AssertMatchesReference(clip, actual, "speech_22k_pcm16.wav (our resampler + log-mel)");
    }

    [Fact]
    public void Torchaudio_resampled_22k_samples_match_reference()
    {
        var clip = TestData.Clip("speech_22k_pcm16.wav");
        var samples = TestData.ReadF32(TestData.Reference("speech_22k_pcm16.resampled16k.f32"));

        var actual = Extractor.Compute(samples);

        AssertMatchesReference(clip, actual, "speech_22k_pcm16.resampled16k.f32 (torchaudio resampling + our log-mel)");
    }

    [Fact]
    public void Frame_count_is_one_plus_samples_over_hop()
    {
        Assert.Equal(1, Extractor.FrameCount(1));
        Assert.Equal(1, Extractor.FrameCount(199));
        Assert.Equal(2, Extractor.FrameCount(200));
        Assert.Equal(801, Extractor.FrameCount(160_000));
        Assert.Equal(0, Extractor.FrameCount(0));
    }

    [Fact]
    public void Empty_audio_is_a_format_error()
    {
        var error = Assert.Throws<AudioFormatException>(() => Extractor.Compute([]));

        Assert.False(error.IsUnsupported);
        Assert.Contains("no samples", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(100)]
    [InlineData(511)]
    [InlineData(512)]
    public void Audio_shorter_than_the_reflect_padding_is_reflected_repeatedly(int length)
    {
        var samples = Metrics.Sine(440, 16000, length);
        samples[0] = 0.25f;

        var mel = Extractor.Compute(samples);

        Assert.Equal(1 + length / 200, mel.Frames);
        Assert.All(mel.Data, v => Assert.True(float.IsFinite(v)));
        Assert.Contains(mel.Data, v => v > Math.Log(1e-5) + 1);
    }

    [Fact]
    public void Short_input_padding_agrees_with_torch_where_torch_accepts_it()
    {
        // 513 samples is the shortest input torch reflect-pads; the repeated reflection must give the same result.
        var samples = Metrics.Sine(300, 16000, 513);
        var mel = Extractor.Compute(samples);
        var direct = new float[samples.Length + 1024];
        for (var i = 0; i < direct.Length; i++)
        {
            var j = i - 512;
            direct[i] = samples[j < 0 ? -j : j >= samples.Length ? 2 * (samples.Length - 1) - j : j];
        }

        var viaConstant = new LogMelExtractor(FrontEndSettings.Default with { Center = false }).Compute(direct);

        Assert.Equal(viaConstant.Frames, mel.Frames);
        Assert.True(Metrics.MaxAbsError(mel.Data, viaConstant.Data) < 1e-5);
    }

    [Fact]
    public void Silence_gives_the_log_floor_everywhere()
    {
        var mel = Extractor.Compute(new float[4000]);

        Assert.Equal(21, mel.Frames);
        Assert.All(mel.Data, v => Assert.Equal(MathF.Log(1e-5f), v));
    }

    [Fact]
    public void NaN_and_infinite_samples_count_as_zero()
    {
        var clean = Metrics.Sine(1000, 16000, 3200);
        var dirty = (float[])clean.Clone();
        clean[1000] = 0;
        clean[2000] = 0;
        clean[2500] = 0;
        dirty[1000] = float.NaN;
        dirty[2000] = float.PositiveInfinity;
        dirty[2500] = float.NegativeInfinity;

        var expected = Extractor.Compute(clean);
        var actual = Extractor.Compute(dirty);

        Assert.Equal(expected.Data, actual.Data);
    }

    [Fact]
    public void Huge_samples_are_clipped_so_features_stay_finite()
    {
        var samples = Metrics.Sine(1000, 16000, 3200, amplitude: 1e30);

        var mel = Extractor.Compute(samples);

        Assert.All(mel.Data, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void A_tone_peaks_in_the_mel_bin_containing_its_frequency()
    {
        var mel = Extractor.Compute(Metrics.Sine(1000, 16000, 16000));
        var frame = mel.Frame(40);
        var peak = 0;
        for (var b = 1; b < LogMel.Bins; b++)
        {
            peak = frame[b] > frame[peak] ? b : peak;
        }

        // Slaney scale: 1000 Hz = 15 mel; 80 bins spread 0..45.2 mel, centres every 0.5509 mel -> bin 26 or 27.
        Assert.InRange(peak, 26, 27);
    }

    [Fact]
    public void Is_safe_to_share_between_threads()
    {
        var samples = AudioDecoder.DecodeFile(TestData.Audio("speech_16k_pcm16.wav")).Samples;
        var expected = Extractor.Compute(samples);

        var results = new LogMel[16];
        Parallel.For(0, results.Length, i => results[i] = Extractor.Compute(samples));

        Assert.All(results, r => Assert.Equal(expected.Data, r.Data));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Matches_a_direct_double_precision_dft(double power)
    {
        var settings = FrontEndSettings.Default with { Power = power };
        var random = new Random(7);
        var samples = new float[4000];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(random.NextDouble() - 0.5) * (i < 2000 ? 0.1f : 1f);
        }

        var actual = new LogMelExtractor(settings).Compute(samples);

        var filterbank = TestData.ReadF32(TestData.Reference("melfb_513x80_slaney.f32"));
        foreach (var frame in new[] { 0, 3, 10, 19, 20 })
        {
            var expected = DirectLogMel(samples, frame, filterbank, power);
            for (var b = 0; b < LogMel.Bins; b++)
            {
                Assert.True(Math.Abs(actual.Frame(frame)[b] - expected[b]) < 1e-4, $"frame {frame} bin {b}: {actual.Frame(frame)[b]} vs {expected[b]}");
            }
        }
    }

    /// <summary>The textbook definition: reflect-pad, periodic Hann of 800 centred in 1024, O(n^2) DFT, dense filterbank.</summary>
    private static double[] DirectLogMel(float[] samples, int frame, float[] filterbank, double power)
    {
        var spectrum = new double[513];
        for (var k = 0; k <= 512; k++)
        {
            double re = 0, im = 0;
            for (var n = 0; n < 800; n++)
            {
                var i = frame * 200 - 400 + n;
                i = i < 0 ? -i : i >= samples.Length ? 2 * (samples.Length - 1) - i : i;
                var x = samples[i] * (0.5 - 0.5 * Math.Cos(2 * Math.PI * n / 800));
                var angle = -2 * Math.PI * k * (n + 112) / 1024;
                re += x * Math.Cos(angle);
                im += x * Math.Sin(angle);
            }

            var magnitude = Math.Sqrt(re * re + im * im);
            spectrum[k] = power == 2 ? magnitude * magnitude : magnitude;
        }

        var mel = new double[LogMel.Bins];
        for (var b = 0; b < LogMel.Bins; b++)
        {
            double sum = 0;
            for (var k = 0; k <= 512; k++)
            {
                sum += filterbank[k * LogMel.Bins + b] * spectrum[k];
            }

            mel[b] = Math.Log(Math.Max(sum, 1e-5));
        }

        return mel;
    }

    [Fact]
    public void Rejects_settings_it_cannot_honour()
    {
        var error = Assert.Throws<ArgumentException>(() => new LogMelExtractor(FrontEndSettings.Default with { MelBins = 64 }));

        Assert.Contains("MelBins", error.Message);
    }

    [Fact]
    public void Center_false_needs_one_full_frame()
    {
        var extractor = new LogMelExtractor(FrontEndSettings.Default with { Center = false });

        Assert.Equal(1, extractor.Compute(new float[1024]).Frames);
        Assert.Throws<AudioFormatException>(() => extractor.Compute(new float[1023]));
    }

    private void AssertMatchesReference(TestData.ReferenceClip clip, LogMel actual, string label)
    {
        var expected = TestData.ReadF32(TestData.Reference(clip.LogMelFile));
        Assert.Equal(clip.Frames, actual.Frames);
        Assert.Equal(expected.Length, actual.Data.Length);

        double maxAll = 0, maxLoud = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            var e = Math.Abs((double)actual.Data[i] - expected[i]);
            maxAll = Math.Max(maxAll, e);
            if (expected[i] > LoudThreshold)
            {
                maxLoud = Math.Max(maxLoud, e);
            }
        }

        output.WriteLine($"{label}: frames {actual.Frames}, max abs error {maxAll:E3} overall, {maxLoud:E3} where reference > log(1e-3)");
        Assert.True(maxLoud <= 1e-3, $"{label}: max error {maxLoud} on loud bins");
        Assert.True(maxAll <= 1e-2, $"{label}: max error {maxAll} overall");
    }
}
