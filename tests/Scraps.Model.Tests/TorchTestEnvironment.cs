using Scraps.Model.Runtime;

namespace Scraps.Model.Tests;

/// <summary>Loads libtorch (patched on Debian 12) before a test touches TorchSharp.</summary>
internal static class TorchTestEnvironment
{
    private static readonly Lazy<TorchDeviceInfo> Cpu = new(() =>
    {
        var info = TorchRuntime.Initialize(new TorchRuntimeOptions { Device = "cpu" });
        TorchSharp.torch.set_num_threads(1);
        return info;
    });

    public static TorchDeviceInfo EnsureCpu() => Cpu.Value;
}
