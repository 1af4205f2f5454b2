using NAudio.Wave;
using NAudio.Wave.SampleProviders;
using Scraps.Client.Tests.Support;

namespace Scraps.Client.Tests.NAudio;

/// <summary>NAudio objects go to the real service (in memory) as float32 WAV files and are scored as the files are.</summary>
public sealed class ScrapsClientNAudioExtensionsTests(ReadyService service) : IClassFixture<ReadyService>
{
    [Fact]
    public async Task A_wave_file_reader_scores_exactly_as_its_file_bytes_do()
    {
        using var provider = ClientProvider.For(service);
        var client = provider.Client;

        var fromBytes = await client.ScoreAsync(new ScoreRequest { Audio = Clips.Speech, Transcript = "hello world" });
        using var reader = new WaveFileReader(new MemoryStream(Clips.Speech));
        var fromNAudio = await client.ScoreAsync(reader, "hello world");

        Assert.Equal(fromBytes.Score, fromNAudio.Score, 6);
        Assert.Equal(fromBytes.AudioSeconds, fromNAudio.AudioSeconds, 3);
        Assert.Equal(fromBytes.Phonemes, fromNAudio.Phonemes);
    }

    [Fact]
    public async Task Rank_embed_and_compare_take_sample_providers_of_any_rate_and_channel_count()
    {
        using var provider = ClientProvider.For(service);
        var client = provider.Client;
        using var speech = new WaveFileReader(new MemoryStream(Clips.Speech));
        var stereo44k = new WdlResamplingSampleProvider(speech.ToSampleProvider(), 44100).ToStereo();

        var ranked = await client.RankAsync(stereo44k, ["hello world", "good night moon"]);
        var embedded = await client.EmbedAcousticAsync(Tone(22050, channels: 2, seconds: 1.5));
        speech.Position = 0;
        using var reference = new WaveFileReader(new MemoryStream(Clips.Speech));
        var compared = await client.CompareAsync(speech, reference);

        Assert.Equal(2, ranked.Candidates.Count);
        Assert.InRange(ranked.AudioSeconds, 2.6, 2.7);
        Assert.Equal(embedded.Dimension, embedded.Embedding.Length);
        Assert.InRange(embedded.AudioSeconds, 1.49, 1.51);
        Assert.Equal(1.0, compared.Cosine, 5);
    }

    [Fact]
    public void The_wav_keeps_the_sample_rate_channels_and_every_sample()
    {
        var samples = ReadAll(Tone(22050, channels: 3, seconds: 0.25));

        var wav = SampleProviderWavOf(Tone(22050, channels: 3, seconds: 0.25));

        using var reader = new WaveFileReader(new MemoryStream(wav));
        Assert.Equal(WaveFormatEncoding.IeeeFloat, reader.WaveFormat.Encoding);
        Assert.Equal(22050, reader.WaveFormat.SampleRate);
        Assert.Equal(3, reader.WaveFormat.Channels);
        Assert.Equal(samples, ReadAll(reader.ToSampleProvider()));
    }

    [Fact]
    public async Task An_endless_provider_is_refused_before_anything_is_sent()
    {
        using var provider = ClientProvider.For(service);
        var endless = new SignalGenerator(16000, 1) { Frequency = 440, Gain = 0.1 };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => provider.Client.EmbedAcousticAsync(endless));

        Assert.Contains("more than 600 s of audio", error.Message, StringComparison.Ordinal);
        Assert.Empty(provider.Faults.Attempts);
    }

    private static byte[] SampleProviderWavOf(ISampleProvider audio) => Scraps.Client.NAudio.SampleProviderWav.Encode(audio);

    private static ISampleProvider Tone(int sampleRate, int channels, double seconds) =>
        new SignalGenerator(sampleRate, channels) { Frequency = 300, Gain = 0.2, Type = SignalGeneratorType.Sin }.Take(TimeSpan.FromSeconds(seconds));

    private static float[] ReadAll(ISampleProvider audio)
    {
        var all = new List<float>();
        var buffer = new float[audio.WaveFormat.Channels * 1024];
        int read;
        while ((read = audio.Read(buffer)) > 0)
        {
            all.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        return all.ToArray();
    }
}
