using Scraps.Audio.Tests.Support;
using Xunit.Abstractions;

namespace Scraps.Audio.Tests;

public sealed class AudioDecoderTests(ITestOutputHelper output)
{
    private static readonly float[] Speech16k = AudioDecoder.DecodeFile(TestData.Audio("speech_16k_pcm16.wav")).Samples;

    [Fact]
    public void Decodes_pcm16_scaled_by_1_over_32768()
    {
        var clip = AudioDecoder.DecodeFile(TestData.Audio("speech_16k_pcm16.wav"));

        Assert.Equal(16000, clip.SampleRate);
        Assert.Equal(42336, clip.Samples.Length);
        Assert.Equal(0x17 / 32768f, clip.Samples[0]);
        Assert.Equal(0x37 / 32768f, clip.Samples[1]);
        Assert.Equal(TimeSpan.FromSeconds(42336 / 16000.0), clip.Duration);
    }

    [Fact]
    public void Decodes_float32_wav_to_the_same_speech()
    {
        var clip = AudioDecoder.DecodeFile(TestData.Audio("speech_16k_float32.wav"));

        Assert.Equal(16000, clip.SampleRate);
        var maxAbs = Metrics.MaxAbsError(clip.Samples, Speech16k);
        output.WriteLine($"float32 vs pcm16 copy of the clip: max abs difference {maxAbs:E3}, SNR {Metrics.SnrDb(clip.Samples, Speech16k):F1} dB");
        Assert.True(maxAbs <= 2.0 / 32768); // the two files were quantised separately: within 2 LSB of 16 bits
    }

    [Fact]
    public void Decodes_float64_wav()
    {
        var clip = AudioDecoder.DecodeFile(TestData.Audio("speech_16k_float64.wav"));

        Assert.Equal(16000, clip.SampleRate);
        Assert.Equal(4000, clip.Samples.Length);
        Assert.True(Metrics.MaxAbsError(clip.Samples, Speech16k.AsSpan(8000, 4000)) <= 1.0 / 32768);
    }

    [Fact]
    public void Decodes_unsigned_8_bit_wav()
    {
        var clip = AudioDecoder.DecodeFile(TestData.Audio("speech_8k_u8.wav"));

        Assert.Equal(8000, clip.SampleRate);
        Assert.Equal(21168, clip.Samples.Length);
        Assert.Equal(0f, clip.Samples[0]);
        Assert.Equal(1 / 128f, clip.Samples[1]);
    }

    [Fact]
    public void Decodes_24_bit_stereo_extensible_wav_by_averaging_channels()
    {
        var clip = AudioDecoder.DecodeFile(TestData.Audio("speech_44k_stereo_pcm24.wav"));

        Assert.Equal(44100, clip.SampleRate);
        Assert.Equal(116688, clip.Samples.Length);
        Assert.Equal(0x0017F4 / 8388608f, clip.Samples[0]);
        var resampled = Resampler.Resample(clip.Samples, 44100, 16000);
        var snr = Metrics.SnrDb(resampled, Speech16k);
        output.WriteLine($"44.1 kHz stereo 24-bit, resampled to 16 kHz, vs the 16 kHz clip: SNR {snr:F1} dB");
        Assert.True(snr > 30);
    }

    [Fact]
    public void Decodes_32_bit_three_channel_extensible_wav()
    {
        var clip = AudioDecoder.DecodeFile(TestData.Audio("speech_8k_3ch_pcm32.wav"));

        Assert.Equal(8000, clip.SampleRate);
        Assert.Equal(2000, clip.Samples.Length);
        Assert.Contains(clip.Samples, s => Math.Abs(s) > 0.01);
    }

    [Theory]
    [InlineData("speech_16k_ulaw.wav")]
    [InlineData("speech_16k_alaw.wav")]
    public void Decodes_g711_exactly_as_sox_does(string name)
    {
        var clip = AudioDecoder.DecodeFile(TestData.Audio(name));
        var sox = AudioDecoder.DecodeFile(TestData.Audio(name.Replace(".wav", ".sox16.wav")));

        Assert.Equal(8000, clip.Samples.Length);
        Assert.Equal(sox.Samples, clip.Samples);
    }

    [Fact]
    public void Flac_decodes_to_exactly_the_samples_of_the_pcm16_wav()
    {
        var flac = AudioDecoder.DecodeFile(TestData.Audio("flite_16k.flac"));
        var wav = AudioDecoder.DecodeFile(TestData.Audio("flite_16k_pcm16.wav"));

        Assert.Equal(wav.SampleRate, flac.SampleRate);
        Assert.Equal(wav.Samples, flac.Samples);
    }

    [Theory]
    [InlineData("flite_16k.ogg", 16000)]
    [InlineData("flite_16k.opus", 16000)]
    [InlineData("flite_16k.mp3", 16000)]
    public void Lossy_containers_decode_to_the_same_speech(string name, int expectedRate)
    {
        var wav = AudioDecoder.DecodeFile(TestData.Audio("flite_16k_pcm16.wav")).Samples;

        var clip = AudioDecoder.DecodeFile(TestData.Audio(name));
        var at16k = AudioFrontEnd.ToMono16k(clip);

        var (lag, correlation) = BestAlignment(at16k, wav, maxLag: 64);
        output.WriteLine($"{name}: {clip.SampleRate} Hz, {clip.Samples.Length} samples; at 16 kHz {at16k.Length} vs {wav.Length}, best lag {lag}, correlation {correlation:F3}");
        Assert.Equal(expectedRate, clip.SampleRate);
        Assert.InRange(at16k.Length, wav.Length - 800, wav.Length + 2000);
        Assert.True(correlation > 0.9, $"correlation {correlation}");
    }

    [Fact]
    public void Adpcm_wav_is_handed_to_libsndfile()
    {
        var clip = AudioDecoder.DecodeFile(TestData.Audio("speech_16k_ima_adpcm.wav"));

        Assert.Equal(16000, clip.SampleRate);
        var (_, correlation) = BestAlignment(clip.Samples, Speech16k.AsSpan(0, clip.Samples.Length).ToArray(), maxLag: 0);
        Assert.True(correlation > 0.95, $"correlation {correlation}");
    }

    [Fact]
    public void Detects_the_container_by_content_not_by_name()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scraps-{Guid.NewGuid():N}.wav");
        File.Copy(TestData.Audio("flite_16k.flac"), path);
        try
        {
            var clip = AudioDecoder.DecodeFile(path);

            Assert.Equal(48720, clip.Samples.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_wav_whose_data_chunk_is_empty_decodes_to_no_samples()
    {
        var clip = AudioDecoder.Decode(WavBuilder.SimplePcm16(16000));

        Assert.Empty(clip.Samples);
        Assert.Equal(16000, clip.SampleRate);
    }

    [Fact]
    public void Empty_data_is_malformed()
    {
        var error = Assert.Throws<AudioFormatException>(() => AudioDecoder.Decode([]));

        Assert.False(error.IsUnsupported);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Unknown_content_is_unsupported()
    {
        var error = Assert.Throws<AudioFormatException>(() => AudioDecoder.Decode("this is not an audio file at all"u8));

        Assert.True(error.IsUnsupported);
        Assert.Contains("not recognised", error.Message);
    }

    [Fact]
    public void A_few_bytes_are_malformed()
    {
        var error = Assert.Throws<AudioFormatException>(() => AudioDecoder.Decode("abc"u8));

        Assert.False(error.IsUnsupported);
    }

    [Fact]
    public void Wav_codecs_nobody_decodes_are_unsupported_and_named()
    {
        var bytes = new WavBuilder().Fmt(0x0055, 1, 16000, 0, blockAlign: 1).Data(new byte[100]).Build();

        var error = Assert.Throws<AudioFormatException>(() => AudioDecoder.Decode(bytes));

        Assert.True(error.IsUnsupported);
        Assert.Contains("MPEG layer 3", error.Message);
        Assert.Equal(20, error.Offset);
    }

    [Fact]
    public void Audio_longer_than_the_limit_is_refused_before_decoding()
    {
        var bytes = WavBuilder.SimplePcm16(16000, new short[16001]);

        Assert.Single(AudioDecoder.Decode(bytes, TimeSpan.FromSeconds(2)).Samples.Take(1));
        var error = Assert.Throws<AudioTooLongException>(() => AudioDecoder.Decode(bytes, TimeSpan.FromSeconds(1)));
        Assert.Equal("audio is 1 s long, longer than the limit of 1 s", error.Message);
        Assert.Equal(16001 / 16000.0, error.Seconds!.Value, 9);
        // FLAC states its length too: refused from its header, with the length.
        var flac = Assert.Throws<AudioTooLongException>(() => AudioDecoder.Decode(TestData.AudioBytes("flite_16k.flac"), TimeSpan.FromSeconds(1)));
        Assert.NotNull(flac.Seconds);
    }

    [Fact]
    public void Random_truncations_and_corruptions_give_a_clip_or_an_AudioFormatException()
    {
        var original = TestData.AudioBytes("speech_44k_stereo_pcm24.wav").AsSpan(0, 4096).ToArray();
        FixSizes(original);
        var random = new Random(1234);
        int decoded = 0, rejected = 0;

        for (var trial = 0; trial < 3000; trial++)
        {
            var bytes = Mutate(original, random);
            try
            {
                var clip = AudioDecoder.Decode(bytes);
                Assert.All(clip.Samples, s => Assert.True(float.IsFinite(s)));
                decoded++;
            }
            catch (AudioFormatException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
                rejected++;
            }
        }

        output.WriteLine($"3000 mutated files: {decoded} decoded, {rejected} rejected with AudioFormatException");
        Assert.True(decoded > 100 && rejected > 100);
    }

    /// <summary>Points the RIFF and data sizes at a prefix of the file, so the unmutated prefix is a valid WAV.</summary>
    private static void FixSizes(byte[] wav)
    {
        BitConverter.TryWriteBytes(wav.AsSpan(4, 4), (uint)(wav.Length - 8));
        BitConverter.TryWriteBytes(wav.AsSpan(0x50, 4), (uint)(wav.Length - 0x54));
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        switch (random.Next(4))
        {
            case 0:
                return bytes.AsSpan(0, random.Next(bytes.Length)).ToArray();
            case 1:
                for (var i = random.Next(1, 4); i > 0; i--)
                {
                    bytes[random.Next(0, 0x60)] = (byte)random.Next(256);
                }

                return bytes;
            case 2:
                var at = random.Next(0, 0x58);
                BitConverter.TryWriteBytes(bytes.AsSpan(at, 4), random.Next(3) switch { 0 => 0u, 1 => uint.MaxValue, _ => (uint)random.Next() });
                return bytes;
            default:
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return bytes.AsSpan(0, random.Next(12, bytes.Length)).ToArray();
        }
    }

    private static (int Lag, double Correlation) BestAlignment(float[] actual, float[] expected, int maxLag)
    {
        var best = (Lag: 0, Correlation: double.MinValue);
        for (var lag = -maxLag; lag <= maxLag; lag += 1)
        {
            double xy = 0, xx = 0, yy = 0;
            for (var i = 0; i < expected.Length; i++)
            {
                var j = i + lag;
                if (j < 0 || j >= actual.Length)
                {
                    continue;
                }

                xy += (double)actual[j] * expected[i];
                xx += (double)actual[j] * actual[j];
                yy += (double)expected[i] * expected[i];
            }

            var r = xx > 0 && yy > 0 ? xy / Math.Sqrt(xx * yy) : 0;
            if (r > best.Correlation)
            {
                best = (lag, r);
            }
        }

        return best;
    }
}
