using System.Text.Json;

namespace Scraps.Audio.Tests;

public sealed class FrontEndSettingsTests
{
    [Fact]
    public void Default_is_the_design_front_end()
    {
        var s = FrontEndSettings.Default;

        Assert.Equal(
            (16000, 800, 200, 1024, 80, 0.0, 8000.0, 1e-5, "slaney", "slaney", true, "reflect", 1.0),
            (s.SampleRate, s.WinLength, s.Hop, s.NFft, s.MelBins, s.FMin, s.FMax, s.LogFloor, s.MelScale, s.Norm, s.Center, s.PadMode, s.Power));
        s.Validate();
    }

    [Fact]
    public void Round_trips_through_json_and_fills_missing_fields_with_defaults()
    {
        var json = JsonSerializer.Serialize(FrontEndSettings.Default);

        Assert.Equal(FrontEndSettings.Default, JsonSerializer.Deserialize<FrontEndSettings>(json));
        Assert.Equal(FrontEndSettings.Default with { Hop = 160 }, JsonSerializer.Deserialize<FrontEndSettings>("""{"Hop":160}"""));
    }

    [Theory]
    [InlineData("NFft", 1000)]
    [InlineData("WinLength", 2048)]
    [InlineData("Hop", 0)]
    [InlineData("FMax", 9000)]
    [InlineData("MelScale", "bark")]
    [InlineData("Norm", "l2")]
    [InlineData("PadMode", "edge")]
    [InlineData("Power", 3)]
    [InlineData("LogFloor", 0)]
    [InlineData("SampleRate", 100)]
    public void Validate_names_the_bad_setting(string name, object value)
    {
        var settings = name switch
        {
            "NFft" => FrontEndSettings.Default with { NFft = (int)value },
            "WinLength" => FrontEndSettings.Default with { WinLength = (int)value },
            "Hop" => FrontEndSettings.Default with { Hop = (int)value },
            "FMax" => FrontEndSettings.Default with { FMax = (int)value },
            "MelScale" => FrontEndSettings.Default with { MelScale = (string)value },
            "Norm" => FrontEndSettings.Default with { Norm = (string)value },
            "PadMode" => FrontEndSettings.Default with { PadMode = (string)value },
            "Power" => FrontEndSettings.Default with { Power = (int)value },
            "LogFloor" => FrontEndSettings.Default with { LogFloor = (int)value },
            _ => FrontEndSettings.Default with { SampleRate = (int)value },
        };

        var error = Assert.Throws<ArgumentException>(settings.Validate);

        Assert.Equal(name, error.ParamName);
        Assert.Contains(value.ToString()!, error.Message);
    }
}
