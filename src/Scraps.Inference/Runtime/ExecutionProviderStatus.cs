namespace Scraps.Inference.Runtime;

/// <summary>
/// Which execution provider the graphs run on and why: what was asked for, what runs, on which devices, and the
/// reason in one line (for /v1/model, /health/ready, the start-up log and the <c>scraps_model_info</c> metric).
/// </summary>
/// <param name="Requested">The configured provider (Auto, Cpu or Cuda).</param>
/// <param name="Running">Where the graphs run: Cpu or Cuda, never Auto.</param>
/// <param name="Devices">The CUDA device ordinals with a session each; empty on CPU.</param>
/// <param name="Reason">Why this provider, e.g. "requested" or the CUDA error that made Auto fall back to CPU.</param>
public sealed record ExecutionProviderStatus(
    ExecutionProviderKind Requested, ExecutionProviderKind Running, IReadOnlyList<int> Devices, string Reason)
{
    /// <summary>"cpu" or "cuda" (metric labels, logs).</summary>
    public string Name => Running == ExecutionProviderKind.Cuda ? "cuda" : "cpu";

    /// <summary>E.g. "cuda on devices 0,1 (requested)" or "cpu (Auto: ...)".</summary>
    public override string ToString() => Running == ExecutionProviderKind.Cuda
        ? $"cuda on device{(Devices.Count == 1 ? string.Empty : "s")} {string.Join(",", Devices)} ({Reason})"
        : $"cpu ({Reason})";
}
