namespace Scraps.Service.Configuration;

/// <summary>
/// Who may call (section <c>Scraps:ApiKeys</c>): off unless keys are configured. Keys come from <see cref="Keys"/>
/// (configuration or environment, e.g. <c>Scraps__ApiKeys__Keys__0</c>) and/or <see cref="KeysFile"/> (one key a line,
/// # comments; a mounted Kubernetes Secret), several at once so that a new key can be handed out before the old one is
/// withdrawn. The file is read again when it changes, so rotation needs no restart.
/// </summary>
internal sealed class ApiKeyOptions
{
    public const string SectionName = "Scraps:ApiKeys";

    /// <summary>The shortest key accepted: a key is a secret, not a password to remember.</summary>
    public const int MinimumKeyLength = 16;

    public List<string> Keys { get; set; } = [];

    public string? KeysFile { get; set; }

    /// <summary>Whether /health/* needs a key too (off: orchestrators probe without one).</summary>
    public bool ProtectHealth { get; set; }

    /// <summary>Whether /metrics needs a key too (off: scrapers read it on the cluster network).</summary>
    public bool ProtectMetrics { get; set; }

    /// <summary>True when any key source is configured.</summary>
    public bool Enabled => Keys.Count > 0 || !string.IsNullOrWhiteSpace(KeysFile);
}
