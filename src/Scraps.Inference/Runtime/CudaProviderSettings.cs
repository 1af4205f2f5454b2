using System.Globalization;

namespace Scraps.Inference.Runtime;

/// <summary>How ONNX Runtime's CUDA arena grows when it needs more memory.</summary>
public enum CudaArenaExtendStrategy
{
    /// <summary>Grow by what was asked for: less memory held with many different batch shapes.</summary>
    SameAsRequested,

    /// <summary>ONNX Runtime's default: grow by powers of two (fewer, larger allocations; more memory held).</summary>
    NextPowerOfTwo,
}

/// <summary>How cuDNN picks its convolution algorithm for each new input shape.</summary>
public enum CudnnConvolutionSearch
{
    /// <summary>cuDNN's own heuristics: no benchmarking.</summary>
    Heuristic,

    /// <summary>ONNX Runtime's default: benchmark every algorithm, once per new input shape.</summary>
    Exhaustive,

    /// <summary>The default algorithm, no search.</summary>
    Default,
}

/// <summary>
/// The options of ONNX Runtime's CUDA execution provider that matter for this model (section
/// <c>Scraps:Inference:Cuda</c>). Our defaults differ from ONNX Runtime's in two places, both because every request
/// length is a new input shape: an exhaustive cuDNN search would benchmark the acoustic convolutions again for almost
/// every batch, and a power-of-two arena keeps growing with the shapes it has seen. Both are choices from how the
/// options work (ONNX Runtime's CUDA provider documentation), not yet measurements: tests/gpu/run.sh is where they get
/// measured.
/// </summary>
public sealed class CudaProviderSettings
{
    public CudaArenaExtendStrategy ArenaExtendStrategy { get; set; } = CudaArenaExtendStrategy.SameAsRequested;

    public CudnnConvolutionSearch ConvolutionSearch { get; set; } = CudnnConvolutionSearch.Heuristic;

    /// <summary>
    /// Copy inputs and outputs on the compute stream (ONNX Runtime's default, true). False gives copies their own stream
    /// so that a batch's copies can overlap another batch's compute.
    /// </summary>
    public bool CopyInDefaultStream { get; set; } = true;

    /// <summary>TF32 tensor cores for fp32 matrix products (ONNX Runtime's default, true): faster, about 1e-3 relative error.</summary>
    public bool UseTf32 { get; set; } = true;

    /// <summary>The most GPU memory ONNX Runtime's arena takes on each device, in bytes; 0: no limit.</summary>
    public long MemoryLimitBytes { get; set; }

    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(ArenaExtendStrategy))
        {
            throw new ArgumentOutOfRangeException(nameof(ArenaExtendStrategy), ArenaExtendStrategy, "must be SameAsRequested or NextPowerOfTwo");
        }

        if (!Enum.IsDefined(ConvolutionSearch))
        {
            throw new ArgumentOutOfRangeException(nameof(ConvolutionSearch), ConvolutionSearch, "must be Heuristic, Exhaustive or Default");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MemoryLimitBytes, nameof(MemoryLimitBytes));
    }

    /// <summary>The provider options as ONNX Runtime names them, for one device.</summary>
    public IReadOnlyDictionary<string, string> ToProviderOptions(int deviceId)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["device_id"] = deviceId.ToString(CultureInfo.InvariantCulture),
            ["arena_extend_strategy"] = ArenaExtendStrategy == CudaArenaExtendStrategy.SameAsRequested ? "kSameAsRequested" : "kNextPowerOfTwo",
            ["cudnn_conv_algo_search"] = ConvolutionSearch switch
            {
                CudnnConvolutionSearch.Exhaustive => "EXHAUSTIVE",
                CudnnConvolutionSearch.Default => "DEFAULT",
                _ => "HEURISTIC",
            },
            ["do_copy_in_default_stream"] = CopyInDefaultStream ? "1" : "0",
            ["use_tf32"] = UseTf32 ? "1" : "0",
        };
        if (MemoryLimitBytes > 0)
        {
            values["gpu_mem_limit"] = MemoryLimitBytes.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }
}
