using Scraps.Model.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Scraps.Model.Tests.Runtime;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void Initialize_auto_picks_cpu_without_Cuda_libraries_and_says_why()
    {
        TorchTestEnvironment.EnsureCpu();

        var info = TorchRuntime.Initialize(new TorchRuntimeOptions { Device = "auto" });

        Assert.Equal(DeviceType.CPU, info.Device.type);
        Assert.False(info.IsCuda);
        Assert.Equal("cpu: no CUDA libraries configured", info.Reason);
        Assert.True(File.Exists(info.LibTorchSharpPath));
    }

    [Fact]
    public void Initialize_loads_the_patched_copy_exactly_when_the_system_lib_std_cxx_is_too_old()
    {
        var info = TorchTestEnvironment.EnsureCpu();

        var libStdCxx = LibStdCxxProbe.FindLoadedPath();
        Assert.NotNull(libStdCxx);
        bool systemIsNewEnough = LibStdCxxProbe.Provides(libStdCxx, "GLIBCXX_3.4.32");
        Assert.Equal(!systemIsNewEnough, info.Patched);
        var loaded = ElfVersionPatcher.ReadRequiredVersions(File.ReadAllBytes(info.LibTorchSharpPath));
        Assert.Equal(info.Patched, loaded.Single(v => v.Name == "GLIBCXX_3.4.32").IsWeak);
    }

    [Fact]
    public void Initialize_maps_one_LibTorch_sharp_and_one_LibTorch_cpu_into_the_process()
    {
        var info = TorchTestEnvironment.EnsureCpu();
        using (var probe = ones(2))
        {
            Assert.Equal(2f, probe.sum().item<float>());
        }

        var mapped = File.ReadLines("/proc/self/maps")
            .Select(line => line.IndexOf('/') is var at and >= 0 ? line[at..].Trim() : "")
            .Where(path => path.Length > 0)
            .Distinct()
            .ToList();

        Assert.Equal([info.LibTorchSharpPath], mapped.Where(p => Path.GetFileName(p) == "libLibTorchSharp.so"));
        Assert.Single(mapped, p => Path.GetFileName(p) == "libtorch_cpu.so");
        Assert.Single(mapped, p => Path.GetFileName(p) == "libc10.so");
    }

    [Fact]
    public void Initialize_is_idempotent_and_thread_safe()
    {
        var infos = Enumerable.Range(0, 8).AsParallel()
            .Select(_ => TorchRuntime.Initialize(new TorchRuntimeOptions { Device = "cpu" }))
            .ToList();

        Assert.All(infos, i => Assert.Equal("cpu: requested", i.Reason));
        Assert.Single(infos.Select(i => i.LibTorchSharpPath).Distinct());
    }

    [Fact]
    public void Initialize_trains_a_linear_model_with_adam()
    {
        TorchTestEnvironment.EnsureCpu();
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var linear = nn.Linear(4, 1);
        using var optimizer = optim.Adam(linear.parameters(), lr: 0.1);
        var x = randn(16, 4);
        var y = x.sum(1, keepdim: true);
        float before = nn.functional.mse_loss(linear.forward(x), y).item<float>();

        for (int i = 0; i < 20; i++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(linear.forward(x), y);
            loss.backward();
            optimizer.step();
        }

        float after = nn.functional.mse_loss(linear.forward(x), y).item<float>();
        Assert.True(after < before * 0.5, $"loss {before} -> {after}");
    }

    [Fact]
    public void Initialize_Cuda_without_Cuda_libraries_fails_with_a_clear_message()
    {
        TorchTestEnvironment.EnsureCpu();
        if (Environment.GetEnvironmentVariable(TorchRuntimeOptions.TorchLibEnvironmentVariable) is not null)
        {
            return; // CUDA libraries are configured on this machine: the error path cannot happen.
        }

        var e = Assert.Throws<NotSupportedException>(() => TorchRuntime.Initialize(new TorchRuntimeOptions { Device = "cuda" }));

        Assert.Contains("no CUDA libraries are configured", e.Message);
        Assert.Contains(TorchRuntimeOptions.TorchLibEnvironmentVariable, e.Message);
    }

    [Fact]
    public void Initialize_rejects_an_unknown_device()
    {
        var e = Assert.Throws<ArgumentException>(() => TorchRuntime.Initialize(new TorchRuntimeOptions { Device = "tpu" }));

        Assert.Contains("Unknown device 'tpu'", e.Message);
    }

    [Fact]
    public void Initialize_rejects_a_missing_torch_lib_folder()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-torch-{Guid.NewGuid():N}", "lib");

        var e = Assert.Throws<DirectoryNotFoundException>(() => TorchRuntime.Initialize(new TorchRuntimeOptions { TorchLibPath = missing }));

        Assert.Contains(missing, e.Message);
    }

    [Fact]
    public void Initialize_rejects_a_torch_lib_folder_without_Cuda_libraries()
    {
        var folder = Directory.CreateTempSubdirectory("scraps-torch-lib-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "libc10.so"), "not really");

            var e = Assert.Throws<FileNotFoundException>(() => TorchRuntime.Initialize(new TorchRuntimeOptions { TorchLibPath = folder }));

            Assert.Contains("libtorch_cuda.so", e.Message);
            Assert.DoesNotContain("libc10.so,", e.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Initialize_refuses_to_switch_libraries_after_loading()
    {
        TorchTestEnvironment.EnsureCpu();
        var folder = Directory.CreateTempSubdirectory("scraps-torch-lib-").FullName;
        try
        {
            foreach (var name in new[] { "libc10.so", "libtorch_cpu.so", "libc10_cuda.so", "libtorch_cuda.so", "libtorch.so" })
            {
                File.WriteAllText(Path.Combine(folder, name), "placeholder");
            }

            var e = Assert.Throws<InvalidOperationException>(() => TorchRuntime.Initialize(new TorchRuntimeOptions { TorchLibPath = folder }));

            Assert.Contains("already loaded", e.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
