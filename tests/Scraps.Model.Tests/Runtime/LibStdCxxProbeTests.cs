using System.Text;
using Scraps.Model.Runtime;

namespace Scraps.Model.Tests.Runtime;

public sealed class LibStdCxxProbeTests
{
    [Fact]
    public void Provides_matches_whole_version_strings_only()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scraps-stdcxx-{Guid.NewGuid():N}.so");
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes("junk\0GLIBCXX_3.4.30\0XGLIBCXX_3.4.31\0CXXABI_1.3\0"));
        try
        {
            Assert.True(LibStdCxxProbe.Provides(path, "GLIBCXX_3.4.30"));
            Assert.False(LibStdCxxProbe.Provides(path, "GLIBCXX_3.4.3"));
            Assert.False(LibStdCxxProbe.Provides(path, "GLIBCXX_3.4.31"));
            Assert.False(LibStdCxxProbe.Provides(path, "GLIBCXX_3.4.32"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FindLoadedPath_finds_the_system_lib_std_cxx_with_its_versions()
    {
        var path = LibStdCxxProbe.FindLoadedPath();

        Assert.NotNull(path);
        Assert.StartsWith("libstdc++.so", Path.GetFileName(path));
        Assert.True(LibStdCxxProbe.Provides(path, "GLIBCXX_3.4.21"));
    }
}
