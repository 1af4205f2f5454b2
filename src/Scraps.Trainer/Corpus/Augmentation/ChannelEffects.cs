namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>
/// The microphone and recorder, as sox effects run in one chain: EQ (a high-pass for the capsule's low cut, three
/// peaking bands and two shelves: RBJ biquads), compression/AGC (compand: a level detector with attack and release
/// and a static curve above a threshold), and the channel's band limit (a linear-phase windowed-sinc FIR with 70 dB
/// stop band). sox rather than this project's own biquads: its filters are the reference ones, and chaining them
/// costs one process per clip.
/// </summary>
internal static class ChannelEffects
{
    /// <summary>The sox arguments of the plan's EQ, compression and band limit, in that order; empty when none applies.</summary>
    public static IReadOnlyList<string> Arguments(AugmentationPlan plan)
    {
        var effects = new List<string>();
        if (plan.Eq is { } eq)
        {
            effects.AddRange(["highpass", "-2", F(eq.HighPassHz)]);
            foreach (var band in new[] { eq.Low, eq.Mid, eq.High })
            {
                effects.AddRange(["equalizer", F(band.FrequencyHz), $"{F(band.Q)}q", F(band.GainDb)]);
            }

            effects.AddRange(["bass", F(eq.BassDb), "treble", F(eq.TrebleDb)]);
        }

        if (plan.Compression is { } compression)
        {
            // Transfer curve: unity below the threshold, 1/ratio above it, with a 6 dB soft knee; no make-up gain
            // (the clip is normalised at the end), no look-ahead delay (it would shift the audio).
            var threshold = compression.ThresholdDb;
            var top = threshold - (threshold / compression.Ratio);
            effects.AddRange(["compand", $"{F(compression.AttackSeconds)},{F(compression.ReleaseSeconds)}", $"6:-90,-90,{F(threshold)},{F(threshold)},0,{F(top)}", "0", "-90", "0"]);
        }

        if (plan.BandLimit is { } limit)
        {
            effects.AddRange(["sinc", "-a", "70", limit.LowHz > 0 ? $"{F(limit.LowHz)}-{F(limit.HighHz)}" : $"-{F(limit.HighHz)}"]);
        }

        return effects;
    }

    private static string F(double value) => SoxEffects.Format(value);
}
