using Scraps.Audio.Tests.Support;

namespace Scraps.Audio.Tests;

public sealed class AudioFrontEndTests
{
    [Fact]
    public void Loads_16_kHz_audio_unchanged()
    {
        var samples = AudioFrontEnd.LoadMono16kFile(TestData.Audio("speech_16k_pcm16.wav"));

        Assert.Equal(AudioDecoder.DecodeFile(TestData.Audio("speech_16k_pcm16.wav")).Samples, samples);
    }

    [Theory]
    [InlineData("speech_22k_pcm16.wav")]
    [InlineData("speech_44k_stereo_pcm24.wav")]
    [InlineData("speech_8k_u8.wav")]
    public void Resamples_other_rates_to_the_length_of_the_16_kHz_clip(string name)
    {
        var samples = AudioFrontEnd.LoadMono16k(TestData.AudioBytes(name));

        Assert.Equal(42336, samples.Length);
    }

    [Fact]
    public void Stereo_44k_speech_gives_the_same_log_mel_as_the_16k_clip_within_quantisation()
    {
        var extractor = new LogMelExtractor();
        var reference = extractor.Compute(AudioFrontEnd.LoadMono16kFile(TestData.Audio("speech_16k_pcm16.wav")));

        var mel = extractor.Compute(AudioFrontEnd.LoadMono16kFile(TestData.Audio("speech_44k_stereo_pcm24.wav")));

        Assert.Equal(reference.Frames, mel.Frames);
        var loud = Enumerable.Range(0, mel.Data.Length).Where(i => reference.Data[i] > -2).ToList();
        Assert.True(loud.Average(i => Math.Abs(mel.Data[i] - reference.Data[i])) < 0.05);
    }

    [Fact]
    public void Bad_bytes_surface_as_AudioFormatException()
    {
        Assert.Throws<AudioFormatException>(() => AudioFrontEnd.LoadMono16k("RIFF\x04\0\0\0WAVE"u8));
    }

    [Fact]
    public void A_missing_file_is_a_FileNotFoundException()
    {
        Assert.Throws<FileNotFoundException>(() => AudioFrontEnd.LoadMono16kFile(Path.Combine(TestData.Root, "nope.wav")));
    }
}
