using System.Buffers.Binary;
using Scraps.Model.Runtime;

namespace Scraps.Model.Tests.Runtime;

public sealed class ElfVersionPatcherTests
{
    private static readonly (string, string[])[] Needs =
    [
        ("libc.so.6", ["GLIBC_2.2.5", "GLIBC_2.34"]),
        ("libstdc++.so.6", ["GLIBCXX_3.4.30", "GLIBCXX_3.4.32", "CXXABI_1.3"]),
    ];

    [Fact]
    public void ReadRequiredVersions_lists_every_pair_of_the_synthetic_file()
    {
        var versions = ElfVersionPatcher.ReadRequiredVersions(SyntheticElf.Build(Needs));

        Assert.Equal(
            ["libc.so.6:GLIBC_2.2.5", "libc.so.6:GLIBC_2.34", "libstdc++.so.6:GLIBCXX_3.4.30", "libstdc++.so.6:GLIBCXX_3.4.32", "libstdc++.so.6:CXXABI_1.3"],
            versions.Select(v => $"{v.File}:{v.Name}"));
        Assert.All(versions, v => Assert.False(v.IsWeak));
    }

    [Fact]
    public void MarkVersionWeak_sets_only_the_weak_flag_of_the_named_entry()
    {
        var original = SyntheticElf.Build(Needs);
        var patched = original.ToArray();

        int changed = ElfVersionPatcher.MarkVersionWeak(patched, "GLIBCXX_3.4.32");

        Assert.Equal(1, changed);
        var versions = ElfVersionPatcher.ReadRequiredVersions(patched);
        Assert.Equal(["GLIBCXX_3.4.32"], versions.Where(v => v.IsWeak).Select(v => v.Name));
        var target = versions.Single(v => v.Name == "GLIBCXX_3.4.32");
        Assert.Equal(ElfVersionPatcher.VerFlagWeak, target.Flags);
        var differing = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToList();
        Assert.Equal([(int)target.FlagsOffset], differing);
    }

    [Fact]
    public void MarkVersionWeak_is_idempotent()
    {
        var once = SyntheticElf.Build(Needs);
        ElfVersionPatcher.MarkVersionWeak(once, "GLIBCXX_3.4.32");
        var twice = once.ToArray();

        int changed = ElfVersionPatcher.MarkVersionWeak(twice, "GLIBCXX_3.4.32");

        Assert.Equal(0, changed);
        Assert.Equal(once, twice);
    }

    [Fact]
    public void MarkVersionWeak_keeps_other_flag_bits()
    {
        var elf = SyntheticElf.Build(Needs);
        var target = ElfVersionPatcher.ReadRequiredVersions(elf).Single(v => v.Name == "GLIBCXX_3.4.32");
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan((int)target.FlagsOffset), 0x1); // VER_FLG_BASE

        ElfVersionPatcher.MarkVersionWeak(elf, "GLIBCXX_3.4.32");

        Assert.Equal(0x3, ElfVersionPatcher.ReadRequiredVersions(elf).Single(v => v.Name == "GLIBCXX_3.4.32").Flags);
    }

    [Fact]
    public void MarkVersionWeak_patches_the_real_LibTorch_sharp_copy()
    {
        var original = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"));
        var patched = original.ToArray();

        int changed = ElfVersionPatcher.MarkVersionWeak(patched, "GLIBCXX_3.4.32", "libLibTorchSharp.so");
        int again = ElfVersionPatcher.MarkVersionWeak(patched, "GLIBCXX_3.4.32", "libLibTorchSharp.so");

        Assert.Equal(1, changed);
        Assert.Equal(0, again);
        var versions = ElfVersionPatcher.ReadRequiredVersions(patched);
        var target = Assert.Single(versions, v => v.Name == "GLIBCXX_3.4.32");
        Assert.Equal("libstdc++.so.6", target.File);
        Assert.True(target.IsWeak);
        Assert.Contains(versions, v => v.Name == "GLIBCXX_3.4.30" && !v.IsWeak);
        Assert.Equal(original.Length, patched.Length);
        var differing = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToList();
        Assert.Equal([(int)target.FlagsOffset], differing);
    }

    [Fact]
    public void MarkVersionWeak_rejects_a_file_that_does_not_require_the_version()
    {
        var elf = SyntheticElf.Build(("libc.so.6", ["GLIBC_2.2.5"]));

        var e = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.MarkVersionWeak(elf, "GLIBCXX_3.4.32", "tiny.so"));

        Assert.Contains("tiny.so", e.Message);
        Assert.Contains("does not require symbol version GLIBCXX_3.4.32", e.Message);
    }

    [Fact]
    public void ReadRequiredVersions_rejects_non_elf_input()
    {
        var text = "#!/bin/sh\necho this is a script, not a shared library\n"u8.ToArray();

        var e = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.MarkVersionWeak(text, "GLIBCXX_3.4.32", "script.sh"));

        Assert.Contains("script.sh: not an ELF file", e.Message);
    }

    [Fact]
    public void ReadRequiredVersions_rejects_empty_input()
    {
        var e = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.ReadRequiredVersions([], "empty.so"));

        Assert.Contains("not an ELF file", e.Message);
    }

    [Fact]
    public void ReadRequiredVersions_rejects_32_bit_elf()
    {
        var elf = SyntheticElf.Build(Needs);
        elf[4] = 1; // ELFCLASS32

        var e = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.ReadRequiredVersions(elf, "elf32.so"));

        Assert.Contains("only 64-bit ELF files are supported", e.Message);
    }

    [Fact]
    public void ReadRequiredVersions_rejects_a_truncated_file()
    {
        var elf = SyntheticElf.Build(Needs);
        var truncated = elf.AsSpan(0, SyntheticElf.SectionTableOffset(elf) + 10).ToArray();

        var e = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.ReadRequiredVersions(truncated, "cut.so"));

        Assert.Contains("runs past the end of the file", e.Message);
    }

    [Fact]
    public void ReadRequiredVersions_rejects_a_verneed_chain_leaving_the_section()
    {
        var elf = SyntheticElf.Build(Needs);
        var first = ElfVersionPatcher.ReadRequiredVersions(elf)[0];
        // vn_next of the first Verneed entry (flags offset - 4 is the Vernaux start; the Verneed entry precedes it).
        int verneedStart = (int)first.FlagsOffset - 4 - 16;
        BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan(verneedStart + 12), 4096);

        var e = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.ReadRequiredVersions(elf, "bad.so"));

        Assert.Contains("lies outside .gnu.version_r", e.Message);
    }

    [Fact]
    public void ReadRequiredVersions_returns_nothing_for_a_file_without_version_needs()
    {
        var elf = SyntheticElf.Build(Needs);
        int table = SyntheticElf.SectionTableOffset(elf);
        BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan(table + (SyntheticElf.VerneedSectionIndex * 64) + 4), 1); // SHT_PROGBITS

        Assert.Empty(ElfVersionPatcher.ReadRequiredVersions(elf));
    }

    [Fact]
    public void MarkVersionWeak_patches_a_file_in_place()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scraps-elf-{Guid.NewGuid():N}.so");
        File.WriteAllBytes(path, SyntheticElf.Build(Needs));
        try
        {
            Assert.Equal(1, ElfVersionPatcher.MarkVersionWeak(path, "GLIBCXX_3.4.32"));
            Assert.True(ElfVersionPatcher.ReadRequiredVersions(File.ReadAllBytes(path)).Single(v => v.Name == "GLIBCXX_3.4.32").IsWeak);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MarkVersionWeak_on_a_hard_link_leaves_the_other_link_unchanged()
    {
        // Build outputs are hard links to the NuGet cache: patching one must not write through to the cache's file.
        var folder = Directory.CreateTempSubdirectory("scraps-elf-link-").FullName;
        try
        {
            var original = Path.Combine(folder, "cache.so");
            var linked = Path.Combine(folder, "output.so");
            var bytes = SyntheticElf.Build(Needs);
            File.WriteAllBytes(original, bytes);
            Assert.Equal(0, link(original, linked));

            Assert.Equal(1, ElfVersionPatcher.MarkVersionWeak(linked, "GLIBCXX_3.4.32"));

            Assert.Equal(bytes, File.ReadAllBytes(original));
            Assert.True(ElfVersionPatcher.ReadRequiredVersions(File.ReadAllBytes(linked)).Single(v => v.Name == "GLIBCXX_3.4.32").IsWeak);
            Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054, CA1401, IDE1006
    private static extern int link(string oldPath, string newPath);
#pragma warning restore SYSLIB1054, CA1401, IDE1006
}
