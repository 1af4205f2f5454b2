namespace Scraps.Cli.Bench;

/// <summary>Throughput and latency percentiles of one measured run.</summary>
internal sealed record LatencySummary(long Completed, double Seconds, double P50Ms, double P95Ms, double P99Ms)
{
    public double Throughput => Seconds > 0 ? Completed / Seconds : 0;

    /// <summary>CPU time spent per completed item, in milliseconds (set by the runner that measured it).</summary>
    public double CpuMsPerItem { get; init; } = double.NaN;

    public static LatencySummary From(List<double> latenciesMs, double seconds)
    {
        if (latenciesMs.Count == 0)
        {
            return new LatencySummary(0, seconds, double.NaN, double.NaN, double.NaN);
        }

        latenciesMs.Sort();
        return new LatencySummary(latenciesMs.Count, seconds, Percentile(latenciesMs, 0.50), Percentile(latenciesMs, 0.95), Percentile(latenciesMs, 0.99));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
