namespace Scraps.Inference.Runtime;

/// <summary>Where the ONNX graphs run.</summary>
public enum ExecutionProviderKind
{
    Cpu,
    Cuda,
}

/// <summary>How <see cref="ScrapsModel.Load"/> opens a package and runs its graphs.</summary>
public sealed class ScrapsModelOptions
{
    public const string SectionName = "Model";

    /// <summary>CPU by default; CUDA falls back to CPU (with a warning) when the installed ONNX Runtime lacks it.</summary>
    public ExecutionProviderKind ExecutionProvider { get; set; } = ExecutionProviderKind.Cpu;

    public int CudaDeviceId { get; set; }

    /// <summary>Threads ONNX Runtime uses inside one graph run; 0 lets ONNX Runtime choose (one per core).</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>Check every file's SHA-256 against model.json on load.</summary>
    public bool VerifyHashes { get; set; } = true;

    /// <summary>The most items one graph run takes; longer lists are split into length-sorted runs.</summary>
    public int MaxBatchSize { get; set; } = 32;

    /// <summary>The most padded time steps (items × longest length) one graph run takes; bounds memory for long clips.</summary>
    public int MaxBatchSteps { get; set; } = 32 * 2000;

    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names the option.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(ExecutionProvider))
        {
            throw new ArgumentOutOfRangeException(nameof(ExecutionProvider), ExecutionProvider, "must be Cpu or Cuda");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(CudaDeviceId);
        ArgumentOutOfRangeException.ThrowIfNegative(IntraOpThreads);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchSteps, 1);
    }
}
