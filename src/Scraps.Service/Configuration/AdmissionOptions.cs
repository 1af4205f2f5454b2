namespace Scraps.Service.Configuration;

/// <summary>
/// How many scoring requests the service works on at once and how many may wait (section <c>Scraps:Admission</c>).
/// A request holds its place from before its body is read until its response; with every place and every waiting
/// place taken, the answer is an immediate 429 that costs no decoding.
/// </summary>
internal sealed class AdmissionOptions
{
    public const string SectionName = "Scraps:Admission";

    /// <summary>
    /// Requests read, decoded and scored at once: enough to fill the batches of every worker (2 x 8 by default). With the
    /// queue, it bounds how long an accepted request waits: (16 + 32) / capacity, 0.4 s at the 114 req/s of a 2-core
    /// machine (scraps bench overload; at 32 + 64 the p99 of accepted requests was 2.3 s under 4x load).
    /// </summary>
    [Range(1, 4096)]
    public int PermitLimit { get; set; } = 16;

    /// <summary>Requests waiting for a place, oldest first; beyond this, 429 at once.</summary>
    [Range(0, 65536)]
    public int QueueLimit { get; set; } = 32;

    /// <summary>
    /// The share of the places (and of the queue) one client may hold: its API key, or its address without keys. At 1 the
    /// service is one shared pool (whoever opens the most connections gets the most answers); below, a flooding client
    /// is refused its excess at once while others still find places.
    /// </summary>
    [Range(0.01, 1.0)]
    public double ClientShare { get; set; } = 0.5;

    /// <summary>The longest Retry-After a 429 asks for.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}
