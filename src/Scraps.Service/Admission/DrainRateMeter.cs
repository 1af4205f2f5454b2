namespace Scraps.Service.Admission;

/// <summary>
/// Measures how fast admitted requests finish: completions over a sliding window of the last few seconds. The
/// Retry-After of a 429 is the backlog divided by this rate, so a client is asked to wait as long as the queue ahead
/// of it actually takes to drain. Thread-safe.
/// </summary>
internal sealed class DrainRateMeter(TimeProvider time)
{
    /// <summary>The window the rate is measured over.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Queue<long> _completions = new();

    /// <summary>Records one finished request.</summary>
    public void Completed()
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            _completions.Enqueue(now);
            Trim(now);
        }
    }

    /// <summary>Finished requests per second over the window; null before any finished in it.</summary>
    public double? RatePerSecond()
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            Trim(now);
            if (_completions.Count == 0)
            {
                return null;
            }

            // Over the span actually covered (at least one second), so a fresh burst is not read as a huge rate.
            var span = Math.Max(1.0, time.GetElapsedTime(_completions.Peek(), now).TotalSeconds);
            return _completions.Count / span;
        }
    }

    private void Trim(long now)
    {
        while (_completions.Count > 0 && time.GetElapsedTime(_completions.Peek(), now) > Window)
        {
            _completions.Dequeue();
        }
    }
}
