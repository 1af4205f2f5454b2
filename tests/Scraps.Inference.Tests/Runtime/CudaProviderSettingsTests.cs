using Scraps.Inference.Runtime;

namespace Scraps.Inference.Tests.Runtime;

public sealed class CudaProviderSettingsTests
{
    [Fact]
    public void The_defaults_become_onnx_runtime_cuda_options_for_the_device()
    {
        var options = new CudaProviderSettings().ToProviderOptions(1);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["device_id"] = "1",
                ["arena_extend_strategy"] = "kSameAsRequested",
                ["cudnn_conv_algo_search"] = "HEURISTIC",
                ["do_copy_in_default_stream"] = "1",
                ["use_tf32"] = "1",
            },
            options);
    }

    [Fact]
    public void Every_setting_reaches_its_option()
    {
        var settings = new CudaProviderSettings
        {
            ArenaExtendStrategy = CudaArenaExtendStrategy.NextPowerOfTwo,
            ConvolutionSearch = CudnnConvolutionSearch.Exhaustive,
            CopyInDefaultStream = false,
            UseTf32 = false,
            MemoryLimitBytes = 8L << 30,
        };

        var options = settings.ToProviderOptions(0);

        Assert.Equal("kNextPowerOfTwo", options["arena_extend_strategy"]);
        Assert.Equal("EXHAUSTIVE", options["cudnn_conv_algo_search"]);
        Assert.Equal("0", options["do_copy_in_default_stream"]);
        Assert.Equal("0", options["use_tf32"]);
        Assert.Equal("8589934592", options["gpu_mem_limit"]);
    }

    [Fact]
    public void Options_that_list_a_device_twice_or_a_negative_one_are_refused()
    {
        Assert.Equal("CudaDeviceIds", Assert.Throws<ArgumentOutOfRangeException>(() => new ScrapsModelOptions { CudaDeviceIds = [0, 0] }.Validate()).ParamName);
        Assert.Equal("CudaDeviceIds", Assert.Throws<ArgumentOutOfRangeException>(() => new ScrapsModelOptions { CudaDeviceIds = [-1] }.Validate()).ParamName);
        Assert.Equal("MemoryLimitBytes", Assert.Throws<ArgumentOutOfRangeException>(() => new ScrapsModelOptions { Cuda = new() { MemoryLimitBytes = -1 } }.Validate()).ParamName);
        Assert.Equal([0], new ScrapsModelOptions().Devices);
    }
}
