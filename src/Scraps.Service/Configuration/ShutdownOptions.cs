namespace Scraps.Service.Configuration;

/// <summary>How the service shuts down on SIGTERM (section <c>Scraps:Shutdown</c>).</summary>
internal sealed class ShutdownOptions
{
    public const string SectionName = "Scraps:Shutdown";

    /// <summary>
    /// The longest wait for admitted requests to finish; what is still running then is cancelled. The host's own
    /// shutdown timeout is set above this plus <see cref="Linger"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the server keeps answering after the last admitted request finished: requests already on their way over
    /// kept-alive connections get a 503 with Connection: close and Retry-After instead of a closed socket.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan Linger { get; set; } = TimeSpan.FromSeconds(2);
}
