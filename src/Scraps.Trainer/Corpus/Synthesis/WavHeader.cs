using System.Buffers.Binary;

namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>Reads a WAV file's duration from its RIFF chunks (fmt and data) without reading the samples.</summary>
internal static class WavHeader
{
    /// <exception cref="InvalidDataException">The file is not a RIFF/WAVE file with fmt and data chunks.</exception>
    public static double DurationSeconds(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> header = stackalloc byte[12];
        if (stream.Read(header) != 12 || !header[..4].SequenceEqual("RIFF"u8) || !header[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException($"{path} is not a RIFF/WAVE file");
        }

        int? byteRate = null;
        Span<byte> chunk = stackalloc byte[8];
        Span<byte> format = stackalloc byte[16];
        while (stream.Read(chunk) == 8)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (chunk[..4].SequenceEqual("fmt "u8) && size >= 16)
            {
                stream.ReadExactly(format);
                byteRate = BinaryPrimitives.ReadInt32LittleEndian(format[8..]);
                stream.Seek(size - 16 + (size & 1), SeekOrigin.Current);
            }
            else if (chunk[..4].SequenceEqual("data"u8))
            {
                if (byteRate is not > 0)
                {
                    throw new InvalidDataException($"{path}: data chunk before a valid fmt chunk");
                }

                var available = Math.Min(size, stream.Length - stream.Position);
                return (double)available / byteRate.Value;
            }
            else
            {
                stream.Seek(size + (size & 1), SeekOrigin.Current);
            }
        }

        throw new InvalidDataException($"{path} has no data chunk");
    }
}
