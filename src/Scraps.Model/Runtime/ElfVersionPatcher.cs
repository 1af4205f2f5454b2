using System.Buffers.Binary;
using System.Text;

namespace Scraps.Model.Runtime;

/// <summary>
/// Marks a required symbol version (an ELF Vernaux entry in <c>.gnu.version_r</c>) as weak
/// (VER_FLG_WEAK), so that the dynamic loader accepts a system library that lacks that version.
/// Only little-endian ELF64 files are supported; the file size and every other byte stay the same.
/// </summary>
internal static class ElfVersionPatcher
{
    public const ushort VerFlagWeak = 0x2;

    private const uint SectionTypeGnuVerneed = 0x6ffffffe;
    private const int ElfHeaderSize = 64;
    private const int SectionHeaderSize = 64;
    private const int VerneedSize = 16;
    private const int VernauxSize = 16;

    /// <summary>One required version as the file records it.</summary>
    public readonly record struct RequiredVersion(string File, string Name, ushort Flags, long FlagsOffset)
    {
        public bool IsWeak => (Flags & VerFlagWeak) != 0;
    }

    /// <summary>Lists every (library, version) pair the file requires, in file order.</summary>
    public static IReadOnlyList<RequiredVersion> ReadRequiredVersions(ReadOnlySpan<byte> elf, string source = "input")
    {
        var result = new List<RequiredVersion>();
        var section = FindVerneedSection(elf, source);
        if (section is null)
        {
            return result;
        }

        var (offset, size, count, strings) = section.Value;
        long needOffset = offset;
        long end = offset + size;
        // Either the section's sh_info gives the count, or we follow vn_next until it is 0.
        for (int i = 0; count == 0 || i < count; i++)
        {
            Require(needOffset >= offset && needOffset + VerneedSize <= end, source, $"Verneed entry {i} at offset {needOffset} lies outside .gnu.version_r");
            var need = elf.Slice((int)needOffset, VerneedSize);
            ushort auxCount = BinaryPrimitives.ReadUInt16LittleEndian(need[2..]);
            uint fileName = BinaryPrimitives.ReadUInt32LittleEndian(need[4..]);
            uint auxRel = BinaryPrimitives.ReadUInt32LittleEndian(need[8..]);
            uint nextRel = BinaryPrimitives.ReadUInt32LittleEndian(need[12..]);
            string file = ReadString(elf, strings, fileName, source);

            long auxOffset = needOffset + auxRel;
            for (int j = 0; j < auxCount; j++)
            {
                Require(auxOffset >= offset && auxOffset + VernauxSize <= end, source, $"Vernaux entry {j} of {file} at offset {auxOffset} lies outside .gnu.version_r");
                var aux = elf.Slice((int)auxOffset, VernauxSize);
                ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(aux[4..]);
                uint name = BinaryPrimitives.ReadUInt32LittleEndian(aux[8..]);
                uint auxNext = BinaryPrimitives.ReadUInt32LittleEndian(aux[12..]);
                result.Add(new RequiredVersion(file, ReadString(elf, strings, name, source), flags, auxOffset + 4));
                if (auxNext == 0)
                {
                    break;
                }
                auxOffset += auxNext;
            }

            if (nextRel == 0)
            {
                break;
            }
            needOffset += nextRel;
        }
        return result;
    }

    /// <summary>
    /// Sets VER_FLG_WEAK on every Vernaux entry named <paramref name="versionName"/>.
    /// Returns how many entries changed (0 when they were already weak: the patch is idempotent).
    /// Throws <see cref="InvalidDataException"/> when the input is not a valid ELF64 file or does not
    /// require that version at all.
    /// </summary>
    public static int MarkVersionWeak(Span<byte> elf, string versionName, string source = "input")
    {
        ArgumentException.ThrowIfNullOrEmpty(versionName);
        var matches = ReadRequiredVersions(elf, source).Where(v => v.Name == versionName).ToList();
        if (matches.Count == 0)
        {
            throw new InvalidDataException($"{source}: the ELF file does not require symbol version {versionName}, nothing to patch.");
        }

        int changed = 0;
        foreach (var version in matches.Where(v => !v.IsWeak))
        {
            BinaryPrimitives.WriteUInt16LittleEndian(elf.Slice((int)version.FlagsOffset, 2), (ushort)(version.Flags | VerFlagWeak));
            changed++;
        }
        return changed;
    }

    /// <summary>
    /// Patches a file; returns how many entries changed. The patched bytes go to a new file that replaces the
    /// original, so a hard-linked build output never writes through to the NuGet cache it links to.
    /// </summary>
    public static int MarkVersionWeak(string path, string versionName)
    {
        var bytes = File.ReadAllBytes(path);
        int changed = MarkVersionWeak(bytes, versionName, path);
        if (changed > 0)
        {
            FileReplacement.WriteAllBytes(path, bytes);
        }
        return changed;
    }

    private static (long Offset, long Size, uint Count, (long Offset, long Size) Strings)? FindVerneedSection(ReadOnlySpan<byte> elf, string source)
    {
        Require(elf.Length >= ElfHeaderSize && elf[0] == 0x7f && elf[1] == (byte)'E' && elf[2] == (byte)'L' && elf[3] == (byte)'F',
            source, "not an ELF file (missing the \\x7fELF magic)");
        Require(elf[4] == 2, source, $"only 64-bit ELF files are supported (EI_CLASS is {elf[4]})");
        Require(elf[5] == 1, source, $"only little-endian ELF files are supported (EI_DATA is {elf[5]})");

        ulong sectionTable = BinaryPrimitives.ReadUInt64LittleEndian(elf[0x28..]);
        ushort entrySize = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3a..]);
        ushort sectionCount = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3c..]);
        Require(sectionTable != 0 && sectionCount > 0, source, "the ELF file has no section headers");
        Require(entrySize == SectionHeaderSize, source, $"unexpected section header size {entrySize} (expected {SectionHeaderSize})");
        Require(sectionTable + ((ulong)sectionCount * SectionHeaderSize) <= (ulong)elf.Length, source,
            $"the section header table ({sectionCount} entries at offset {sectionTable}) runs past the end of the file ({elf.Length} bytes)");

        for (int i = 0; i < sectionCount; i++)
        {
            var header = ReadSectionHeader(elf, sectionTable, i);
            if (header.Type != SectionTypeGnuVerneed)
            {
                continue;
            }
            CheckRange(elf, header.Offset, header.Size, source, $".gnu.version_r (section {i})");
            Require(header.Link < sectionCount, source, $".gnu.version_r links to section {header.Link}, but there are only {sectionCount} sections");
            var strings = ReadSectionHeader(elf, sectionTable, (int)header.Link);
            CheckRange(elf, strings.Offset, strings.Size, source, $"string table (section {header.Link})");
            return ((long)header.Offset, (long)header.Size, header.Info, ((long)strings.Offset, (long)strings.Size));
        }
        return null;
    }

    private readonly record struct SectionHeader(uint Type, ulong Offset, ulong Size, uint Link, uint Info);

    private static SectionHeader ReadSectionHeader(ReadOnlySpan<byte> elf, ulong table, int index)
    {
        var h = elf.Slice((int)(table + ((ulong)index * SectionHeaderSize)), SectionHeaderSize);
        return new SectionHeader(
            Type: BinaryPrimitives.ReadUInt32LittleEndian(h[4..]),
            Offset: BinaryPrimitives.ReadUInt64LittleEndian(h[0x18..]),
            Size: BinaryPrimitives.ReadUInt64LittleEndian(h[0x20..]),
            Link: BinaryPrimitives.ReadUInt32LittleEndian(h[0x28..]),
            Info: BinaryPrimitives.ReadUInt32LittleEndian(h[0x2c..]));
    }

    private static string ReadString(ReadOnlySpan<byte> elf, (long Offset, long Size) table, uint index, string source)
    {
        Require(index < table.Size, source, $"string index {index} lies outside the string table ({table.Size} bytes)");
        var rest = elf.Slice((int)(table.Offset + index), (int)(table.Size - index));
        int end = rest.IndexOf((byte)0);
        Require(end >= 0, source, $"string at index {index} is not NUL-terminated");
        return Encoding.ASCII.GetString(rest[..end]);
    }

    private static void CheckRange(ReadOnlySpan<byte> elf, ulong offset, ulong size, string source, string what) =>
        Require(offset <= (ulong)elf.Length && size <= (ulong)elf.Length - offset && offset + size <= int.MaxValue, source,
            $"{what} (offset {offset}, size {size}) runs past the end of the file ({elf.Length} bytes)");

    private static void Require(bool condition, string source, string message)
    {
        if (!condition)
        {
            throw new InvalidDataException($"{source}: {message}.");
        }
    }
}
