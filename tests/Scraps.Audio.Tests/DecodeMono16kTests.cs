using System.Buffers.Binary;
using Scraps.Audio.Tests.Support;

namespace Scraps.Audio.Tests;

/// <summary>The service's decode path: mono 16 kHz, repairs reported, memory bounded by the limit.</summary>
public sealed class DecodeMono16kTests
{
    private static byte[] Float32Wav(int sampleRate, params float[] samples)
    {
        var body = new byte[samples.Length * 4];
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(body.AsSpan(4 * i), samples[i]);
        }

        return new WavBuilder().Fmt(3, 1, sampleRate, 32).Data(body).Build();
    }

    [Theory]
    [InlineData("speech_16k_pcm16.wav")]
    [InlineData("speech_22k_pcm16.wav")]
    [InlineData("flite_16k.flac")]
    [InlineData("speech_44k_stereo_pcm24.wav")]
    public void Gives_the_same_samples_as_decode_then_resample(string file)
    {
        var bytes = TestData.AudioBytes(file);

        var decoded = AudioDecoder.DecodeMono16k(bytes, TimeSpan.FromMinutes(1));

        Assert.Equal(AudioFrontEnd.LoadMono16k(bytes), decoded.Samples);
        Assert.Empty(decoded.Warnings);
        Assert.Equal(AudioDecoder.Decode(bytes).Duration.TotalSeconds, decoded.Seconds, 6);
    }

    [Fact]
    public void Non_finite_samples_are_scored_as_zero_and_reported()
    {
        var samples = Enumerable.Range(0, 1600).Select(i => MathF.Sin(i / 10f) * 0.3f).ToArray();
        samples[5] = float.NaN;
        samples[77] = float.PositiveInfinity;
        samples[900] = float.NegativeInfinity;

        var decoded = AudioDecoder.DecodeMono16k(Float32Wav(16000, samples), TimeSpan.FromSeconds(1));

        Assert.Equal(3, decoded.NonFiniteSamples);
        Assert.Equal(0f, decoded.Samples[5]);
        Assert.Equal(samples[6], decoded.Samples[6]);
        Assert.Equal(["3 of 1600 samples were NaN or infinite and were scored as 0"], decoded.Warnings);
    }

    [Fact]
    public void Audio_with_no_finite_sample_is_refused_and_a_truncated_wav_is_reported()
    {
        var error = Assert.Throws<AudioContentException>(() => AudioDecoder.DecodeMono16k(Float32Wav(16000, float.NaN, float.NaN, float.PositiveInfinity), TimeSpan.FromSeconds(1)));
        Assert.Contains("no finite samples: all 3", error.Message);

        var truncated = new WavBuilder().Fmt(1, 1, 16000, 16).Data(WavBuilder.Pcm16(new short[800]), declaredSize: 3200).Build();
        var decoded = AudioDecoder.DecodeMono16k(truncated, TimeSpan.FromSeconds(1));
        Assert.True(decoded.Truncated);
        Assert.Equal(800, decoded.Samples.Length);
        Assert.Contains(decoded.Warnings, w => w.Contains("truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void A_decompression_bomb_is_refused_from_its_header_without_allocating_its_length()
    {
        // The bomb of issue 11: 299 s of silence at 384 kHz in a 58 kB FLAC (decoded, 460 MB of floats).
        var bomb = Path.Combine(Path.GetTempPath(), $"scraps-bomb-{Guid.NewGuid():N}.flac");
        try
        {
            Ffmpeg("-v error -f lavfi -i anullsrc=r=384000:cl=mono -t 299 -c:a flac -sample_fmt s16 " + bomb);
            var bytes = File.ReadAllBytes(bomb);
            Assert.InRange(bytes.Length, 1, 200_000);
            var before = GC.GetAllocatedBytesForCurrentThread();

            var error = Assert.Throws<AudioTooLongException>(() => AudioDecoder.DecodeMono16k(bytes, TimeSpan.FromSeconds(30)));

            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "refusing the bomb allocated over 1 MB");
            Assert.Equal(299, error.Seconds!.Value, 3);
            Assert.Equal("audio is 299 s long, longer than the limit of 30 s", error.Message);
        }
        finally
        {
            File.Delete(bomb);
        }
    }

    [Fact]
    public void A_wav_header_claiming_more_than_the_file_holds_costs_only_what_is_there()
    {
        var wav = new WavBuilder().Fmt(1, 1, 384000, 16).Data(new byte[64], declaredSize: 299u * 384000 * 2).Build();

        var decoded = AudioDecoder.DecodeMono16k(wav, TimeSpan.FromSeconds(30));

        Assert.True(decoded.Truncated);
        Assert.Equal(32 / 384000.0, decoded.Seconds, 9);
    }

    private static void Ffmpeg(string arguments)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ffmpeg", "-y " + arguments)
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ffmpeg failed: {error}");
    }
}
