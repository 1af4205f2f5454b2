namespace Scraps.Data;

/// <summary>A feature cache folder is missing, incomplete or not in the expected format.</summary>
public sealed class FeatureCacheFormatException : Exception, Scraps.Errors.IInputError
{
    public FeatureCacheFormatException(string message)
        : base(message)
    {
    }

    public FeatureCacheFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
