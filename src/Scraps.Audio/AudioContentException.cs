namespace Scraps.Audio;

/// <summary>Audio that decodes but holds nothing to score (every sample NaN or infinite).</summary>
public sealed class AudioContentException(string message) : AudioFormatException(message);
