namespace Scraps.Phonetics.Tests;

public class EspeakOptionsTests
{
    [Fact]
    public void Defaults_are_en_us_and_1000_characters()
    {
        var options = new EspeakOptions();
        Assert.Equal(("en-us", 1000, null, null), (options.Voice, options.MaxTextLength, options.DataPath, options.Inventory));
        options.Validate();
    }

    [Theory]
    [InlineData("", 1000, "Voice")]
    [InlineData("en-us", 0, "MaxTextLength")]
    [InlineData("en-us", -5, "MaxTextLength")]
    public void Rejects_out_of_range_settings(string voice, int maxTextLength, string parameter)
    {
        var error = Assert.Throws<ArgumentException>(() => new EspeakOptions { Voice = voice, MaxTextLength = maxTextLength }.Validate());
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Data_path_must_hold_espeak_data()
    {
        var error = Assert.Throws<ArgumentException>(() => new EspeakOptions { DataPath = Path.GetTempPath() }.Validate());
        Assert.Contains("no espeak-ng data", error.Message);
    }
}
