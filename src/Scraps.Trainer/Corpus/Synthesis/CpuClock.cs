using System.Globalization;
using System.Runtime.InteropServices;

namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>
/// CPU seconds used by this process and the child processes it has waited for (the synthesizers, sox, ffmpeg), from
/// /proc/self/stat. A corpus build shares the machine with other work; clips per CPU second is its rate per fully
/// available core, which wall-clock clips per second on a busy machine is not. Null where /proc is missing.
/// </summary>
internal static partial class CpuClock
{
    private const int ClockTicksName = 2; // _SC_CLK_TCK on Linux

    public static double? ProcessAndChildrenSeconds()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            // Fields after the command name (which may hold spaces, so it is skipped by its closing parenthesis):
            // state is field 3; utime, stime, cutime, cstime are fields 14 to 17.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = Enumerable.Range(11, 4).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
            var perSecond = SysConf(ClockTicksName);
            return perSecond > 0 ? (double)ticks / perSecond : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "sysconf")]
    private static partial long SysConf(int name);
}
