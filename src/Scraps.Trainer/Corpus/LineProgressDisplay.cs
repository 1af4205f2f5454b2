using System.Diagnostics;
using System.Globalization;

namespace Scraps.Trainer.Corpus;

/// <summary>
/// Progress as plain lines (for logs, CI and redirected output), at most one every <see cref="Interval"/>,
/// with the average rate since the start.
/// </summary>
internal sealed class LineProgressDisplay(string unit, TextWriter output) : IProgressDisplay
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private TimeSpan? _lastLine;
    private double _firstDone = double.NaN;

    public void Update(double done, double total, string description)
    {
        lock (_gate)
        {
            if (double.IsNaN(_firstDone))
            {
                _firstDone = done;
            }

            var now = _clock.Elapsed;
            if (done < total && _lastLine is { } last && now - last < Interval)
            {
                return;
            }

            _lastLine = now;
            var rate = now.TotalSeconds > 0 ? (done - _firstDone) / now.TotalSeconds : 0;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{description}: {done:0}/{total:0} ({(total > 0 ? 100 * done / total : 100):0}%), {rate:0.0} {unit}/s, {now.TotalSeconds:0} s"));
        }
    }
}
