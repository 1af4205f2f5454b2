using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;

namespace Scraps.Deploy.Tests;

/// <summary>
/// tests/gpu: what can be checked without a GPU or the 100 MiB bundle. The bundle's CPU dry run
/// (<c>run.sh --dry-run</c>) takes minutes to build for and is run by hand (tests/gpu/README.md).
/// </summary>
public sealed class GpuCheckTests
{
    private static readonly string GpuFolder = Path.Combine(RepositoryRoot(), "tests", "gpu");

    [Fact]
    public async Task Without_a_gpu_the_check_says_so_in_one_line_and_fails()
    {
        var (exitCode, stdout, stderr) = await RunAsync("bash", Path.Combine(GpuFolder, "run.sh"));

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.TrimEnd().Split('\n'));
        if (!File.Exists("/usr/bin/nvidia-smi"))
        {
            Assert.StartsWith("no NVIDIA GPU here (nvidia-smi not found)", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_bad_argument_is_one_line_and_exit_code_2()
    {
        var (exitCode, _, stderr) = await RunAsync("bash", Path.Combine(GpuFolder, "run.sh"), "--seconds", "soon");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: --seconds takes a positive whole number", Assert.Single(stderr.TrimEnd().Split('\n')), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pruning_zeroes_the_cubins_of_other_architectures_and_keeps_everything_else_in_place()
    {
        var folder = Directory.CreateTempSubdirectory("scraps-fatbin-").FullName;
        var input = Path.Combine(folder, "lib.so");
        var output = Path.Combine(folder, "pruned.so");
        var sm80 = Enumerable.Repeat((byte)0x80, 64).ToArray();
        var sm90 = Enumerable.Repeat((byte)0x90, 48).ToArray();
        File.WriteAllBytes(input, ElfWithFatbin([(80, sm80), (90, sm90)]));

        var (exitCode, stdout, stderr) = await RunAsync("python3", Path.Combine(GpuFolder, "prune_fatbin.py"), input, output, "--keep", "90");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("zeroed cubin sm_80", stdout, StringComparison.Ordinal);
        var before = File.ReadAllBytes(input);
        var after = File.ReadAllBytes(output);
        Assert.Equal(before.Length, after.Length);
        var at80 = IndexOf(before, sm80);
        var at90 = IndexOf(before, sm90);
        Assert.All(after.AsSpan(at80, sm80.Length).ToArray(), b => Assert.Equal(0, b));
        Assert.Equal(sm90, after.AsSpan(at90, sm90.Length).ToArray());
        Assert.Equal(before.AsSpan(0, at80).ToArray(), after.AsSpan(0, at80).ToArray());
        Assert.Equal(before.AsSpan(at80 + sm80.Length).ToArray(), after.AsSpan(at80 + sm80.Length).ToArray());
    }

    [Fact]
    public async Task Pruning_refuses_to_keep_an_architecture_the_library_has_no_code_for()
    {
        var folder = Directory.CreateTempSubdirectory("scraps-fatbin-").FullName;
        var input = Path.Combine(folder, "lib.so");
        File.WriteAllBytes(input, ElfWithFatbin([(80, new byte[16])]));

        var (exitCode, _, stderr) = await RunAsync("python3", Path.Combine(GpuFolder, "prune_fatbin.py"), input, Path.Combine(folder, "out.so"), "--keep", "90");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("no cubin for sm [90]", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "out.so")));
    }

    /// <summary>
    /// A minimal ELF64 file with a .nv_fatbin section holding one fatbin of cubin entries, laid out as CUDA's
    /// (fatbin header: magic, version, header size, size; entry: kind, version, header size, payload size, ..., sm at 28).
    /// </summary>
    private static byte[] ElfWithFatbin(IReadOnlyList<(int Sm, byte[] Payload)> cubins)
    {
        const int EntryHeader = 64;
        var fat = new List<byte>();
        foreach (var (sm, payload) in cubins)
        {
            var header = new byte[EntryHeader];
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(0), 2);
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(2), 0x0101);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), EntryHeader);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(8), (ulong)payload.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(28), (uint)sm);
            fat.AddRange(header);
            fat.AddRange(payload);
        }

        var section = new byte[16 + fat.Count];
        BinaryPrimitives.WriteUInt32LittleEndian(section.AsSpan(0), 0xBA55ED50);
        BinaryPrimitives.WriteUInt16LittleEndian(section.AsSpan(4), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(section.AsSpan(6), 16);
        BinaryPrimitives.WriteUInt64LittleEndian(section.AsSpan(8), (ulong)fat.Count);
        fat.CopyTo(section, 16);

        var names = Encoding.ASCII.GetBytes("\0.nv_fatbin\0.shstrtab\0");
        var fatbinAt = 64;
        var namesAt = fatbinAt + section.Length;
        var headersAt = (namesAt + names.Length + 7) / 8 * 8;
        var file = new byte[headersAt + (3 * 64)];
        "\u007fELF"u8.CopyTo(file);
        file[4] = 2; // 64-bit
        file[5] = 1; // little-endian
        file[6] = 1;
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(0x28), (ulong)headersAt);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x3A), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x3C), 3);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x3E), 2);
        section.CopyTo(file, fatbinAt);
        names.CopyTo(file, namesAt);
        void SectionHeader(int index, uint name, int offset, int size)
        {
            var at = headersAt + (index * 64);
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(at), name);
            BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(at + 24), (ulong)offset);
            BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(at + 32), (ulong)size);
        }

        SectionHeader(1, 1, fatbinAt, section.Length);
        SectionHeader(2, 12, namesAt, names.Length);
        return file;
    }

    private static int IndexOf(byte[] data, byte[] pattern) => data.AsSpan().IndexOf(pattern);

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The no-GPU line must not depend on a bundle built on this machine: point at an empty one.
        start.Environment["OUT"] = Directory.CreateTempSubdirectory("scraps-gpu-out-").FullName;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScrapsService.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("no ScrapsService.sln above the test folder");
    }
}
