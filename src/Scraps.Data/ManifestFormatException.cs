namespace Scraps.Data;

/// <summary>A manifest (or one of its lines) is not in the DESIGN.md JSON Lines format.</summary>
public sealed class ManifestFormatException : Exception, Scraps.Errors.IInputError
{
    public ManifestFormatException(string message)
        : base(message)
    {
    }

    public ManifestFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
