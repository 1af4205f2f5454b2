using Scraps.Audio;

namespace Scraps.Service.Engine;

/// <summary>A decoded, checked clip: its standardised log-mel features and its length.</summary>
internal sealed record PreparedClip(LogMel Features, double Seconds);
