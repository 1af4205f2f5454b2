using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;

namespace Scraps.Model.Runtime;

/// <summary>
/// Loads libtorch and TorchSharp's native library once per process and picks the training device.
/// On systems whose libstdc++ lacks GLIBCXX_3.4.32 (Debian 12) TorchSharp's library is loaded from a
/// private copy with that version marked weak; with a PyTorch torch/lib folder configured, its CUDA
/// libraries are loaded instead of the CPU-only libtorch from the TorchSharp-cpu package.
/// </summary>
public static class TorchRuntime
{
    internal const string NewestRequiredVersion = "GLIBCXX_3.4.32";

    private static readonly string[] CpuLibraries = ["libc10.so", "libtorch_cpu.so", "libtorch.so"];
    private static readonly string[] CudaLibraries = ["libc10.so", "libtorch_cpu.so", "libc10_cuda.so", "libtorch_cuda.so", "libtorch.so"];

    private static readonly Lock Gate = new();
    private static NativeState? _state;

    /// <summary>Idempotent and thread-safe: the first call loads the native libraries; every call picks a device.</summary>
    public static TorchDeviceInfo Initialize(TorchRuntimeOptions? options = null)
    {
        options ??= new TorchRuntimeOptions();
        var request = options.ParseDevice();
        var cudaFolder = options.ResolveTorchLibPath();
        if (cudaFolder is not null)
        {
            CheckCudaFolder(cudaFolder);
        }

        lock (Gate)
        {
            if (_state is null)
            {
                Volatile.Write(ref _state, Load(cudaFolder));
            }
            else if (!string.Equals(_state.CudaFolder, cudaFolder, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"libtorch is already loaded from {_state.CudaFolder ?? "the TorchSharp-cpu package"}; it cannot be reloaded from " +
                    $"{cudaFolder ?? "the TorchSharp-cpu package"} in the same process.");
            }
            return ChooseDevice(request, _state);
        }
    }

    /// <summary>
    /// Loads the native libraries with default options (device auto, <see cref="TorchRuntimeOptions.TorchLibEnvironmentVariable"/>)
    /// unless already loaded, so that building a module never meets an unloadable libLibTorchSharp.so. Returns
    /// <paramref name="moduleName"/> for use in a module's base constructor call.
    /// </summary>
    internal static string EnsureLoaded(string moduleName)
    {
        if (Volatile.Read(ref _state) is null)
        {
            Initialize();
        }
        return moduleName;
    }

    /// <summary>Throws unless the folder exists and holds every CUDA library we load from it.</summary>
    internal static void CheckCudaFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"The PyTorch lib folder '{folder}' (TorchLibPath / {TorchRuntimeOptions.TorchLibEnvironmentVariable}) does not exist.");
        }
        var missing = CudaLibraries.Where(n => !File.Exists(Path.Combine(folder, n))).ToList();
        if (missing.Count > 0)
        {
            throw new FileNotFoundException(
                $"The PyTorch lib folder '{folder}' lacks {string.Join(", ", missing)}: it must be the torch/lib folder of a CUDA build of PyTorch " +
                $"with the libtorch version TorchSharp {typeof(torch).Assembly.GetName().Version} was built against (2.10).");
        }
    }

    private static TorchDeviceInfo ChooseDevice(TorchDeviceRequest request, NativeState loaded)
    {
        if (request == TorchDeviceRequest.Cpu)
        {
            return loaded.Info(torch.CPU, "cpu: requested");
        }
        if (loaded.CudaFolder is null)
        {
            if (request == TorchDeviceRequest.Cuda)
            {
                throw new NotSupportedException(
                    $"Device cuda was requested, but no CUDA libraries are configured: set {TorchRuntimeOptions.TorchLibEnvironmentVariable} " +
                    "(or the torch lib option) to a CUDA build of PyTorch's torch/lib folder, or use --device cpu.");
            }
            return loaded.Info(torch.CPU, "cpu: no CUDA libraries configured");
        }

        bool available = torch.cuda.is_available();
        if (!available)
        {
            var why = $"CUDA libraries loaded from {loaded.CudaFolder}, but torch.cuda.is_available() is false (no GPU or driver?)";
            if (request == TorchDeviceRequest.Cuda)
            {
                throw new NotSupportedException($"Device cuda was requested: {why}.");
            }
            return loaded.Info(torch.CPU, $"cpu: {why}");
        }
        int count = torch.cuda.device_count();
        return loaded.Info(torch.CUDA, $"cuda: {count} device{(count == 1 ? "" : "s")} via {loaded.CudaFolder}");
    }

    private static NativeState Load(string? cudaFolder)
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            if (cudaFolder is not null)
            {
                throw new NotSupportedException("Loading CUDA libraries from a PyTorch lib folder is supported on Linux only.");
            }
            // Other platforms: TorchSharp's own loader, no patching.
            torch.InitializeDeviceType(DeviceType.CPU);
            return new NativeState(null, "TorchSharp default", false);
        }

        var original = TorchNativeLocator.Find(TorchNativeLocator.LibTorchSharpFile);
        var packageFolder = Path.GetDirectoryName(original)!;

        if (cudaFolder is null)
        {
            foreach (var name in CpuLibraries)
            {
                LoadLibrary(TorchNativeLocator.Find(name, packageFolder));
            }
        }
        else
        {
            foreach (var name in CudaLibraries)
            {
                LoadLibrary(Path.Combine(cudaFolder, name));
            }
        }

        bool patched = NeedsPatch(original);
        var path = patched ? PatchedLibraryCache.GetOrCreate(original, NewestRequiredVersion) : original;
        var handle = LoadLibrary(path);
        RouteLibTorchSharp(handle, patched);

        try
        {
            if (cudaFolder is null)
            {
                torch.InitializeDeviceType(DeviceType.CPU);
            }
            else
            {
                torch.TryInitializeDeviceType(DeviceType.CUDA);
                // TorchSharp's CPU initialisation would load the package's own libtorch_cpu.so next to PyTorch's:
                // the CUDA backend already includes the CPU one, so tell TorchSharp that it is loaded.
                MarkCpuBackendLoaded();
            }
        }
        catch (Exception e) when (e is not TorchRuntimeException)
        {
            throw new TorchRuntimeException($"TorchSharp could not initialise libtorch loaded from {path}: {e.Message}", e);
        }
        return new NativeState(cudaFolder, path, patched);
    }

    /// <summary>True when libLibTorchSharp.so requires a libstdc++ version that the system's libstdc++ lacks.</summary>
    private static bool NeedsPatch(string libTorchSharp)
    {
        var required = ElfVersionPatcher.ReadRequiredVersions(File.ReadAllBytes(libTorchSharp), libTorchSharp)
            .Any(v => v.Name == NewestRequiredVersion && !v.IsWeak);
        if (!required)
        {
            return false;
        }
        var libStdCxx = LibStdCxxProbe.FindLoadedPath();
        return libStdCxx is null || !LibStdCxxProbe.Provides(libStdCxx, NewestRequiredVersion);
    }

    private static nint LoadLibrary(string path)
    {
        try
        {
            return NativeLibrary.Load(path);
        }
        catch (DllNotFoundException e)
        {
            throw new TorchRuntimeException($"Cannot load native library {path}: {e.Message}", e);
        }
        catch (BadImageFormatException e)
        {
            throw new TorchRuntimeException($"Native library {path} is not a valid library for this machine: {e.Message}", e);
        }
    }

    /// <summary>Makes TorchSharp's P/Invokes of "LibTorchSharp" bind to the library we loaded.</summary>
    private static void RouteLibTorchSharp(nint handle, bool required)
    {
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(torch).Assembly, (name, _, _) =>
                name is "LibTorchSharp" or TorchNativeLocator.LibTorchSharpFile ? handle : IntPtr.Zero);
        }
        catch (InvalidOperationException) when (!required)
        {
            // Someone else routes TorchSharp's imports; the unpatched library loads by name anyway.
        }
        catch (InvalidOperationException e)
        {
            throw new TorchRuntimeException(
                "Another component already set a DllImport resolver on TorchSharp, so the patched libLibTorchSharp.so cannot be used.", e);
        }
    }

    private static void MarkCpuBackendLoaded()
    {
        var field = typeof(torch).GetField("nativeBackendLoaded", BindingFlags.Static | BindingFlags.NonPublic)
            ?? throw new TorchRuntimeException(
                $"This TorchSharp version ({typeof(torch).Assembly.GetName().Version}) has no 'nativeBackendLoaded' flag; " +
                "loading CUDA libraries from a PyTorch folder is not supported with it.");
        field.SetValue(null, true);
    }

    private sealed record NativeState(string? CudaFolder, string LibTorchSharpPath, bool Patched)
    {
        public TorchDeviceInfo Info(torch.Device device, string reason) => new(device, reason, LibTorchSharpPath, Patched);
    }
}
