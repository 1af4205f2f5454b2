namespace Scraps.Model.Runtime;

/// <summary>libtorch or TorchSharp's native library could not be found or loaded.</summary>
public sealed class TorchRuntimeException : Exception
{
    public TorchRuntimeException(string message)
        : base(message)
    {
    }

    public TorchRuntimeException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
