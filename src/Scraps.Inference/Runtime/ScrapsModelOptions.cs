namespace Scraps.Inference.Runtime;

/// <summary>Where the ONNX graphs run.</summary>
public enum ExecutionProviderKind
{
    /// <summary>CUDA when this ONNX Runtime build has it and a session can be created on every listed GPU; else CPU, with the reason logged.</summary>
    Auto,

    /// <summary>CPU only.</summary>
    Cpu,

    /// <summary>CUDA or nothing: loading fails with <see cref="ExecutionProviderException"/> when CUDA cannot run.</summary>
    Cuda,
}

/// <summary>How <see cref="ScrapsModel.Load(string, ScrapsModelOptions?, Microsoft.Extensions.Logging.ILoggerFactory?)"/> opens a package and runs its graphs.</summary>
public sealed class ScrapsModelOptions
{
    public const string SectionName = "Model";

    /// <summary>Auto by default: CUDA where it works, else CPU (the CPU build of ONNX Runtime has no CUDA provider).</summary>
    public ExecutionProviderKind ExecutionProvider { get; set; } = ExecutionProviderKind.Auto;

    /// <summary>
    /// The GPUs to run on (CUDA device ordinals): one session per graph on each, and graph runs go to the least busy
    /// device. Empty: device 0. A list rather than a default of [0], because configuration binding appends to a
    /// non-empty default.
    /// </summary>
    public IList<int> CudaDeviceIds { get; set; } = [];

    /// <summary>ONNX Runtime's CUDA provider settings (used only when running on CUDA).</summary>
    public CudaProviderSettings Cuda { get; set; } = new();

    /// <summary>Threads ONNX Runtime uses inside one graph run; 0 lets ONNX Runtime choose (one per core).</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>Check every file's SHA-256 against model.json on load.</summary>
    public bool VerifyHashes { get; set; } = true;

    /// <summary>
    /// The most items one graph run takes; longer lists are split into length-sorted runs. Unset: the provider's
    /// default (<see cref="GraphRunLimits.For"/>).
    /// </summary>
    public int? MaxBatchSize { get; set; }

    /// <summary>
    /// The most padded time steps (items × longest length) one graph run takes; bounds memory for long clips. Unset:
    /// the provider's default.
    /// </summary>
    public int? MaxBatchSteps { get; set; }

    /// <summary>The CUDA devices to use, in order, without repeats (device 0 when none are listed).</summary>
    public IReadOnlyList<int> Devices => CudaDeviceIds.Count == 0 ? [0] : CudaDeviceIds.Distinct().ToArray();

    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names the option.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(ExecutionProvider))
        {
            throw new ArgumentOutOfRangeException(nameof(ExecutionProvider), ExecutionProvider, "must be Auto, Cpu or Cuda");
        }

        foreach (var device in CudaDeviceIds)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(device, nameof(CudaDeviceIds));
        }

        if (CudaDeviceIds.Distinct().Count() != CudaDeviceIds.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(CudaDeviceIds), string.Join(",", CudaDeviceIds), "lists a device twice");
        }

        ArgumentNullException.ThrowIfNull(Cuda, nameof(Cuda));
        Cuda.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(IntraOpThreads);
        if (MaxBatchSize is { } size)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(MaxBatchSize));
        }

        if (MaxBatchSteps is { } steps)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1, nameof(MaxBatchSteps));
        }
    }
}
