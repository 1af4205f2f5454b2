namespace Scraps.Audio.Tests;

public sealed class AudioFormatExceptionTests
{
    [Fact]
    public void Malformed_carries_the_offset_in_property_and_message()
    {
        var error = AudioFormatException.Malformed("fmt.channels is 0", 22);

        Assert.Equal(22, error.Offset);
        Assert.False(error.IsUnsupported);
        Assert.Equal("fmt.channels is 0 (at byte offset 22)", error.Message);
    }

    [Fact]
    public void Unsupported_is_flagged()
    {
        var error = AudioFormatException.Unsupported("MP3 in WAV");

        Assert.True(error.IsUnsupported);
        Assert.Null(error.Offset);
        Assert.Equal("MP3 in WAV", error.Message);
    }
}
