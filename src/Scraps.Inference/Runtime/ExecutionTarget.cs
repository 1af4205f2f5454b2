namespace Scraps.Inference.Runtime;

/// <summary>Where one session runs: the CPU, or one CUDA device.</summary>
public readonly record struct ExecutionTarget(ExecutionProviderKind Provider, int DeviceId)
{
    public static ExecutionTarget Cpu { get; } = new(ExecutionProviderKind.Cpu, 0);

    public static ExecutionTarget Cuda(int deviceId) => new(ExecutionProviderKind.Cuda, deviceId);

    public override string ToString() => Provider == ExecutionProviderKind.Cuda ? $"cuda:{DeviceId}" : "cpu";
}
