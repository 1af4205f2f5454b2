using TorchSharp;

namespace Scraps.Model.Runtime;

/// <summary>The device the trainer runs on and why it was chosen (for the log).</summary>
/// <param name="Device">The torch device to place modules and tensors on.</param>
/// <param name="Reason">A human sentence, e.g. "cuda: 1 device via /opt/torch/lib" or "cpu: no CUDA libraries configured".</param>
/// <param name="LibTorchSharpPath">The libLibTorchSharp.so actually loaded (a patched private copy on old libstdc++).</param>
/// <param name="Patched">True when libLibTorchSharp.so was loaded from a copy with GLIBCXX_3.4.32 marked weak.</param>
public sealed record TorchDeviceInfo(torch.Device Device, string Reason, string LibTorchSharpPath, bool Patched)
{
    public bool IsCuda => Device.type == DeviceType.CUDA;

    public override string ToString() => Reason;
}
