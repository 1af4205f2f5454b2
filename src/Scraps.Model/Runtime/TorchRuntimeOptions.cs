namespace Scraps.Model.Runtime;

/// <summary>How the trainer loads libtorch and which device it trains on.</summary>
public sealed class TorchRuntimeOptions
{
    /// <summary>Environment variable naming a PyTorch installation's torch/lib folder (CUDA libraries).</summary>
    public const string TorchLibEnvironmentVariable = "SCRAPS_TORCH_LIB";

    /// <summary>
    /// A PyTorch installation's <c>torch/lib</c> folder whose CUDA libraries replace the CPU-only libtorch
    /// of the TorchSharp-cpu package. Null: <see cref="TorchLibEnvironmentVariable"/>, else CPU only.
    /// </summary>
    public string? TorchLibPath { get; set; }

    /// <summary><c>auto</c> (CUDA when available, else CPU), <c>cpu</c> or <c>cuda</c>.</summary>
    public string Device { get; set; } = "auto";

    internal string? ResolveTorchLibPath()
    {
        var path = string.IsNullOrWhiteSpace(TorchLibPath)
            ? Environment.GetEnvironmentVariable(TorchLibEnvironmentVariable)
            : TorchLibPath;
        return string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path.Trim());
    }

    internal TorchDeviceRequest ParseDevice() => (Device ?? "auto").Trim().ToLowerInvariant() switch
    {
        "auto" or "" => TorchDeviceRequest.Auto,
        "cpu" => TorchDeviceRequest.Cpu,
        "cuda" or "gpu" => TorchDeviceRequest.Cuda,
        _ => throw new ArgumentException($"Unknown device '{Device}': use auto, cpu or cuda.", nameof(Device)),
    };
}

internal enum TorchDeviceRequest
{
    Auto,
    Cpu,
    Cuda,
}
