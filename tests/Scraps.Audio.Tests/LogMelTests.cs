namespace Scraps.Audio.Tests;

public sealed class LogMelTests
{
    [Fact]
    public void Holds_frames_times_80_values()
    {
        var data = Enumerable.Range(0, 160).Select(i => (float)i).ToArray();

        var mel = new LogMel(data, 2);

        Assert.Equal(2, mel.Frames);
        Assert.Equal(80f, mel.Frame(1)[0]);
        var (d, frames) = mel;
        Assert.Same(data, d);
        Assert.Equal(2, frames);
    }

    [Fact]
    public void Rejects_data_of_the_wrong_length()
    {
        var error = Assert.Throws<ArgumentException>(() => new LogMel(new float[100], 2));

        Assert.Contains("expected 2 frames x 80 bins", error.Message);
    }

    [Fact]
    public void Frame_index_is_checked()
    {
        var mel = new LogMel(new float[80], 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => mel.Frame(1));
    }
}
