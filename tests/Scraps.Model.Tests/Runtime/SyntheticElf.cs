using System.Buffers.Binary;
using System.Text;

namespace Scraps.Model.Tests.Runtime;

/// <summary>Builds a minimal little-endian ELF64 file: header, .dynstr, .gnu.version_r and three section headers.</summary>
internal static class SyntheticElf
{
    public const int VerneedSectionIndex = 2;

    public static byte[] Build(params (string File, string[] Versions)[] needs)
    {
        var strings = new List<byte> { 0 };
        int AddString(string s)
        {
            int at = strings.Count;
            strings.AddRange(Encoding.ASCII.GetBytes(s));
            strings.Add(0);
            return at;
        }

        var verneed = new List<byte>();
        ushort index = 2;
        for (int n = 0; n < needs.Length; n++)
        {
            var (file, versions) = needs[n];
            var need = new byte[16];
            BinaryPrimitives.WriteUInt16LittleEndian(need, 1);
            BinaryPrimitives.WriteUInt16LittleEndian(need.AsSpan(2), (ushort)versions.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(need.AsSpan(4), (uint)AddString(file));
            BinaryPrimitives.WriteUInt32LittleEndian(need.AsSpan(8), 16);
            BinaryPrimitives.WriteUInt32LittleEndian(need.AsSpan(12), n == needs.Length - 1 ? 0u : (uint)(16 + (16 * versions.Length)));
            verneed.AddRange(need);
            for (int v = 0; v < versions.Length; v++)
            {
                var aux = new byte[16];
                BinaryPrimitives.WriteUInt32LittleEndian(aux, (uint)versions[v].Length * 31u);
                BinaryPrimitives.WriteUInt16LittleEndian(aux.AsSpan(4), 0);
                BinaryPrimitives.WriteUInt16LittleEndian(aux.AsSpan(6), index++);
                BinaryPrimitives.WriteUInt32LittleEndian(aux.AsSpan(8), (uint)AddString(versions[v]));
                BinaryPrimitives.WriteUInt32LittleEndian(aux.AsSpan(12), v == versions.Length - 1 ? 0u : 16u);
                verneed.AddRange(aux);
            }
        }

        int dynstrOffset = 64;
        int verneedOffset = Align(dynstrOffset + strings.Count, 8);
        int sectionTable = Align(verneedOffset + verneed.Count, 8);
        var elf = new byte[sectionTable + (3 * 64)];

        elf[0] = 0x7f;
        elf[1] = (byte)'E';
        elf[2] = (byte)'L';
        elf[3] = (byte)'F';
        elf[4] = 2; // ELFCLASS64
        elf[5] = 1; // little endian
        elf[6] = 1; // EV_CURRENT
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x10), 3); // ET_DYN
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x12), 62); // x86-64
        BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan(0x14), 1);
        BinaryPrimitives.WriteUInt64LittleEndian(elf.AsSpan(0x28), (ulong)sectionTable);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x34), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x3a), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x3c), 3);

        strings.CopyTo(elf, dynstrOffset);
        verneed.CopyTo(elf, verneedOffset);
        WriteSection(elf, sectionTable, 1, type: 3, offset: dynstrOffset, size: strings.Count, link: 0, info: 0); // SHT_STRTAB
        WriteSection(elf, sectionTable, VerneedSectionIndex, type: 0x6ffffffe, offset: verneedOffset, size: verneed.Count, link: 1, info: (uint)needs.Length);
        return elf;
    }

    public static int SectionTableOffset(byte[] elf) => (int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(0x28));

    private static void WriteSection(byte[] elf, int table, int index, uint type, int offset, int size, uint link, uint info)
    {
        var h = elf.AsSpan(table + (index * 64), 64);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], type);
        BinaryPrimitives.WriteUInt64LittleEndian(h[0x18..], (ulong)offset);
        BinaryPrimitives.WriteUInt64LittleEndian(h[0x20..], (ulong)size);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x28..], link);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x2c..], info);
    }

    private static int Align(int value, int alignment) => (value + alignment - 1) / alignment * alignment;
}
