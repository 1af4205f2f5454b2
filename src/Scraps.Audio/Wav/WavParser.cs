using System.Buffers.Binary;

namespace Scraps.Audio.Wav;

/// <summary>
/// Walks the RIFF/RF64 chunk list of a WAVE file and finds the format and the sample bytes.
/// Unknown chunks are skipped (odd sizes padded to even, with a fallback for writers that omit the
/// pad byte); every loop advances by at least 8 bytes, so any input terminates.
/// </summary>
internal static class WavParser
{
    public const int MinSampleRate = 1000;
    public const int MaxSampleRate = 768_000;

    private static ReadOnlySpan<byte> KsDataFormatSuffix =>
        [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    public static WavLayout Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length < 12)
        {
            throw AudioFormatException.Malformed($"WAV file is {data.Length} bytes, shorter than the 12-byte RIFF header");
        }

        var isRf64 = data[..4].SequenceEqual("RF64"u8);
        if (!isRf64 && !data[..4].SequenceEqual("RIFF"u8))
        {
            throw AudioFormatException.Malformed("WAV file does not start with 'RIFF'", 0);
        }

        if (!data.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            throw AudioFormatException.Unsupported($"RIFF form type is '{Ascii(data.Slice(8, 4))}', not 'WAVE'", 8);
        }

        WavFormat? format = null;
        long dataOffset = -1, dataLength = 0, ds64DataSize = -1;
        bool truncated = false, readToEnd = false;
        long length = data.Length;
        long pos = 12;

        while (pos + 8 <= length)
        {
            var id = data.Slice((int)pos, 4);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice((int)pos + 4, 4));
            var body = pos + 8;
            var remaining = length - body;

            if (id.SequenceEqual("ds64"u8) && isRf64)
            {
                if (size < 24 || size > remaining)
                {
                    throw AudioFormatException.Malformed($"RF64 'ds64' chunk is {Math.Min(size, remaining)} bytes, needs 24", pos + 4);
                }

                ds64DataSize = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(data.Slice((int)body + 8, 8)), long.MaxValue);
            }
            else if (id.SequenceEqual("fmt "u8) && format is null)
            {
                if (size > remaining)
                {
                    throw AudioFormatException.Malformed($"'fmt ' chunk claims {size} bytes but only {remaining} remain in the file", pos + 4);
                }

                format = ParseFormat(data.Slice((int)body, (int)size), body);
            }
            else if (id.SequenceEqual("data"u8) && dataOffset < 0)
            {
                dataOffset = body;
                if (isRf64 && size == 0xFFFFFFFF && ds64DataSize >= 0)
                {
                    size = ds64DataSize;
                }

                if (size == 0 || size == 0xFFFFFFFF)
                {
                    readToEnd = true;
                    dataLength = remaining;
                }
                else if (size > remaining)
                {
                    truncated = true;
                    dataLength = remaining;
                }
                else
                {
                    dataLength = size;
                }

                if (readToEnd || truncated || format is not null)
                {
                    break;
                }
            }

            if (size > remaining)
            {
                break; // a truncated trailing chunk we do not need
            }

            pos = NextChunk(data, body, size);
        }

        if (format is null)
        {
            throw AudioFormatException.Malformed("WAV file has no 'fmt ' chunk before its end", Math.Min(pos, length));
        }

        if (dataOffset < 0)
        {
            throw AudioFormatException.Malformed("WAV file has no 'data' chunk", Math.Min(pos, length));
        }

        var whole = dataLength - (dataLength % format.BlockAlign);
        return new WavLayout(format, dataOffset, whole, truncated, readToEnd);
    }

    /// <summary>Offset of the chunk after one whose body starts at <paramref name="body"/>: the RIFF pad byte after an odd size,
    /// unless the writer omitted it (then the unpadded position holds a plausible chunk id and the padded one does not).</summary>
    private static long NextChunk(ReadOnlySpan<byte> data, long body, long size)
    {
        var unpadded = body + size;
        if ((size & 1) == 0)
        {
            return unpadded;
        }

        var padded = unpadded + 1;
        if (padded + 8 <= data.Length && !LooksLikeChunkId(data.Slice((int)padded, 4))
            && LooksLikeChunkId(data.Slice((int)unpadded, 4)))
        {
            return unpadded;
        }

        return padded;
    }

    private static bool LooksLikeChunkId(ReadOnlySpan<byte> id)
    {
        foreach (var b in id)
        {
            if (b < 0x20 || b > 0x7E)
            {
                return false;
            }
        }

        return true;
    }

    private static WavFormat ParseFormat(ReadOnlySpan<byte> fmt, long body)
    {
        if (fmt.Length < 16)
        {
            throw AudioFormatException.Malformed($"'fmt ' chunk is {fmt.Length} bytes, needs at least 16", body - 4);
        }

        int tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        var extensible = tag == WavFormatTags.Extensible;
        var tagOffset = body;

        if (extensible)
        {
            if (fmt.Length < 40)
            {
                throw AudioFormatException.Malformed($"WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk is {fmt.Length} bytes, needs 40", body - 4);
            }

            if (!fmt.Slice(26, 14).SequenceEqual(KsDataFormatSuffix))
            {
                throw AudioFormatException.Unsupported("WAVE_FORMAT_EXTENSIBLE sub-format GUID is not a standard WAVE format", body + 24);
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
            tagOffset = body + 24;
        }

        if (channels == 0)
        {
            throw AudioFormatException.Malformed("fmt.channels is 0", body + 2);
        }

        if (sampleRate == 0)
        {
            throw AudioFormatException.Malformed("fmt.sampleRate is 0", body + 4);
        }

        if (sampleRate < MinSampleRate || sampleRate > MaxSampleRate)
        {
            throw AudioFormatException.Unsupported(
                $"fmt.sampleRate is {sampleRate} Hz; supported rates are {MinSampleRate} to {MaxSampleRate} Hz", body + 4);
        }

        if (bits == 0 && tag is WavFormatTags.Pcm or WavFormatTags.IeeeFloat or WavFormatTags.ALaw or WavFormatTags.MuLaw)
        {
            throw AudioFormatException.Malformed("fmt.bitsPerSample is 0", body + 14);
        }

        var encoding = Encoding(tag, bits, body);
        if (encoding is not null)
        {
            var bytesPerSample = tag == WavFormatTags.Pcm ? (bits + 7) / 8 : bits / 8;
            var expected = (long)channels * bytesPerSample;
            if (blockAlign != expected)
            {
                throw AudioFormatException.Malformed(
                    $"fmt.blockAlign is {blockAlign} but {channels} channel(s) x {bytesPerSample} byte(s) per sample = {expected}", body + 12);
            }
        }
        else if (blockAlign == 0)
        {
            throw AudioFormatException.Malformed("fmt.blockAlign is 0", body + 12);
        }

        return new WavFormat(tag, encoding, channels, (int)sampleRate, blockAlign, bits, extensible, tagOffset);
    }

    private static WavEncoding? Encoding(int tag, int bits, long body) => tag switch
    {
        WavFormatTags.Pcm => ((bits + 7) / 8) switch
        {
            1 => WavEncoding.PcmUnsigned8,
            2 => WavEncoding.PcmSigned16,
            3 => WavEncoding.PcmSigned24,
            4 => WavEncoding.PcmSigned32,
            _ => throw AudioFormatException.Unsupported($"PCM with {bits} bits per sample (supported: 8, 16, 24, 32)", body + 14),
        },
        WavFormatTags.IeeeFloat => bits switch
        {
            32 => WavEncoding.Float32,
            64 => WavEncoding.Float64,
            _ => throw AudioFormatException.Unsupported($"IEEE float with {bits} bits per sample (supported: 32, 64)", body + 14),
        },
        WavFormatTags.MuLaw => bits == 8 ? WavEncoding.MuLaw
            : throw AudioFormatException.Unsupported($"mu-law with {bits} bits per sample (supported: 8)", body + 14),
        WavFormatTags.ALaw => bits == 8 ? WavEncoding.ALaw
            : throw AudioFormatException.Unsupported($"A-law with {bits} bits per sample (supported: 8)", body + 14),
        _ => null,
    };

    private static string Ascii(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = bytes[i] is >= 0x20 and <= 0x7E ? (char)bytes[i] : '?';
        }

        return new string(chars);
    }
}
