using System.ComponentModel.DataAnnotations;

namespace Scraps.Service.Configuration;

/// <summary>
/// How many scoring requests the service works on at once and how many may wait (section <c>Scraps:Admission</c>).
/// A request holds its place from before its body is read until its response; with every place and every waiting
/// place taken, the answer is an immediate 429 that costs no decoding.
/// </summary>
internal sealed class AdmissionOptions
{
    public const string SectionName = "Scraps:Admission";

    /// <summary>Requests read, decoded and scored at once (enough to fill the batches of every worker).</summary>
    [Range(1, 4096)]
    public int PermitLimit { get; set; } = 32;

    /// <summary>Requests waiting for a place, oldest first; beyond this, 429 at once.</summary>
    [Range(0, 65536)]
    public int QueueLimit { get; set; } = 64;

    /// <summary>The longest Retry-After a 429 asks for.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}
