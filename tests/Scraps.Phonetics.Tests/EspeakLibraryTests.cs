using Scraps.Phonetics.Espeak;

namespace Scraps.Phonetics.Tests;

public class EspeakLibraryTests
{
    [Fact]
    public void Missing_library_error_says_what_to_install()
    {
        var error = Assert.Throws<EspeakNotAvailableException>(() => EspeakLibrary.Load(["libespeak-ng-missing.so.9", "no-such-espeak"]));
        Assert.Contains("libespeak-ng1", error.Message);
        Assert.Contains("libespeak-ng-missing.so.9", error.Message);
        Assert.IsNotAssignableFrom<PhonemeInputException>(error); // an installation problem, not bad input
    }

    [Fact]
    public void Installed_library_is_found_under_its_Debian_name()
    {
        Assert.Equal("libespeak-ng.so.1", EspeakLibrary.DefaultCandidates[0]);
        Assert.NotEqual(IntPtr.Zero, EspeakLibrary.Load(EspeakLibrary.DefaultCandidates));
    }
}
