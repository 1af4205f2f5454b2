namespace Scraps.Audio;

/// <summary>
/// Audio that cannot be decoded. <see cref="IsUnsupported"/> is true for a well-formed file in a format or
/// encoding we do not decode (HTTP 415); false for malformed, truncated or empty input (HTTP 400).
/// <see cref="Offset"/> is the byte offset of the offending field, where one is known.
/// </summary>
public class AudioFormatException : Exception, Scraps.Errors.IInputError
{
    public AudioFormatException(string message, long? offset = null, bool isUnsupported = false, Exception? inner = null)
        : base(message, inner)
    {
        Offset = offset;
        IsUnsupported = isUnsupported;
    }

    public long? Offset { get; }

    public bool IsUnsupported { get; }

    internal static AudioFormatException Malformed(string message, long? offset = null) =>
        new(offset is { } o ? $"{message} (at byte offset {o})" : message, offset);

    internal static AudioFormatException Unsupported(string message, long? offset = null) =>
        new(offset is { } o ? $"{message} (at byte offset {o})" : message, offset, isUnsupported: true);
}
