using Scraps.Audio.Decoding;
using Scraps.Audio.Tests.Support;

namespace Scraps.Audio.Tests.Decoding;

public sealed class ContainerSnifferTests
{
    [Theory]
    [InlineData("speech_16k_pcm16.wav", "Wav")]
    [InlineData("speech_44k_stereo_pcm24.wav", "Wav")]
    [InlineData("flite_16k.flac", "Flac")]
    [InlineData("flite_16k.ogg", "Ogg")]
    [InlineData("flite_16k.opus", "Ogg")]
    [InlineData("flite_16k.mp3", "Mp3")]
    public void Recognises_test_files_by_their_bytes(string name, string expected)
    {
        Assert.Equal(Enum.Parse<ContainerKind>(expected), ContainerSniffer.Detect(TestData.AudioBytes(name)));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFB, 0x90, 0x64 }, "Mp3")]
    [InlineData(new byte[] { 0xFF, 0xF3, 0x48, 0xC4 }, "Mp3")]
    [InlineData(new byte[] { 0xFF, 0xF1, 0x50, 0x80 }, "Unknown")]
    [InlineData(new byte[] { 0x49, 0x44, 0x33, 0x04 }, "Mp3")]
    [InlineData(new byte[] { 0x46, 0x4F, 0x52, 0x4D }, "OtherSndFile")]
    [InlineData(new byte[] { 0x2E, 0x73, 0x6E, 0x64 }, "OtherSndFile")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x41, 0x56, 0x49, 0x20 }, "Unknown")]
    [InlineData(new byte[] { 0x52, 0x49 }, "Unknown")]
    [InlineData(new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C }, "Unknown")]
    public void Classifies_magic_bytes(byte[] bytes, string expected)
    {
        Assert.Equal(Enum.Parse<ContainerKind>(expected), ContainerSniffer.Detect(bytes));
    }
}
